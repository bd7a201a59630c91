package io.invicta.tools.replay;

import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.VehiclePosition;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;
import io.invicta.testkit.KafkaExtension;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped real data replayed into a real (in-JVM) Kafka broker through the shipped mappings,
 * checked event by event against a reference built here directly from the files, without the
 * mapping code.
 */
class RealDataReplayIT {

    @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Map<String, String> POLLUTANT_BY_CODE =
            Map.of(
                    "1", "so2", "6", "co", "7", "no", "8", "no2", "9", "pm25", "10", "pm10", "12",
                    "nox", "14", "o3");

    @Test
    void everyValidMadridJanuaryValueArrivesOnceWithItsStationPollutantHourAndCoordinates()
            throws Exception {
        KAFKA.createTopic("aq-madrid", 4);
        Path hourly = RepoFiles.path("data/madrid-air-quality-2023/hourly/ene_mo23.csv");
        Map<String, Integer> expected = madridReference(hourly);
        Map<String, double[]> stations = stationCoordinates();

        int exit = replay("data/mappings/madrid-air-quality.yaml", hourly, "aq-madrid");

        assertThat(exit).isZero();
        int total = expected.values().stream().mapToInt(Integer::intValue).sum();
        List<ConsumerRecord<String, byte[]>> records =
                KAFKA.consume("aq-madrid", total, Duration.ofSeconds(60));
        assertThat(records).hasSize(total);
        AvroCodec<AirQualityObserved> codec = Codecs.forType(AirQualityObserved.class);
        Map<String, Integer> actual = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            AirQualityObserved event =
                    ((DecodeResult.Success<AirQualityObserved>) codec.decode(record.value()))
                            .value();
            assertThat(record.key()).isEqualTo(event.getId());
            assertThat(record.timestamp()).isEqualTo(event.getDateObserved().toEpochMilli());
            double[] station = stations.get(event.getId());
            assertThat(event.getLocation().getLat()).isCloseTo(station[0], Offset.offset(1e-9));
            assertThat(event.getLocation().getLon()).isCloseTo(station[1], Offset.offset(1e-9));
            List<String> set = new ArrayList<>();
            POLLUTANT_BY_CODE
                    .values()
                    .forEach(
                            p -> {
                                if (event.get(p) != null) {
                                    set.add(p);
                                }
                            });
            assertThat(set).as("exactly one pollutant per event").hasSize(1);
            actual.merge(
                    event.getId()
                            + "|"
                            + set.get(0)
                            + "|"
                            + event.getDateObserved().toEpochMilli()
                            + "|"
                            + event.get(set.get(0)),
                    1,
                    Integer::sum);
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void everyPortoTaxiFixArrivesKeyedByTaxiAtTripStartPlusFifteenSecondsPerFix() throws Exception {
        KAFKA.createTopic("taxi-porto", 4);
        Path trips = RepoFiles.path("data/porto-taxi-ecml-pkdd-2015/train.1k.csv");
        Map<String, Integer> expected = portoReference(trips);

        int exit = replay("data/mappings/porto-taxi.yaml", trips, "taxi-porto");

        assertThat(exit).isZero();
        List<ConsumerRecord<String, byte[]>> records =
                KAFKA.consume("taxi-porto", 47_304, Duration.ofSeconds(60));
        assertThat(records).hasSize(47_304);
        AvroCodec<VehiclePosition> codec = Codecs.forType(VehiclePosition.class);
        Map<String, Integer> actual = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            VehiclePosition fix =
                    ((DecodeResult.Success<VehiclePosition>) codec.decode(record.value())).value();
            assertThat(record.key()).isEqualTo(fix.getVehicleId());
            assertThat(fix.getVehicleType()).isEqualTo("taxi");
            actual.merge(
                    fix.getTripId()
                            + "|"
                            + fix.getVehicleId()
                            + "|"
                            + fix.getDateObserved().toEpochMilli()
                            + "|"
                            + fix.getLocation().getLon()
                            + "|"
                            + fix.getLocation().getLat(),
                    1,
                    Integer::sum);
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static int replay(String mapping, Path data, String topic) {
        return new CommandLine(new ReplayCommand())
                .execute(
                        RepoFiles.path(mapping).toString(),
                        data.toString(),
                        "--bootstrap-servers",
                        KAFKA.bootstrapServers(),
                        "--topic",
                        topic,
                        "--progress",
                        "lines");
    }

    /** station|pollutant|epochMillis|value → occurrences, from the hourly file read by hand. */
    private static Map<String, Integer> madridReference(Path file) throws Exception {
        Map<String, Integer> expected = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(";");
            String pollutant = POLLUTANT_BY_CODE.get(String.valueOf(Integer.parseInt(c[3])));
            if (pollutant == null) {
                continue;
            }
            String station = c[0] + c[1] + String.format("%03d", Integer.parseInt(c[2]));
            for (int h = 1; h <= 24; h++) {
                if (!c[8 + 2 * (h - 1) + 1].equals("V")) {
                    continue;
                }
                LocalDateTime start =
                        LocalDateTime.of(
                                Integer.parseInt(c[5]),
                                Integer.parseInt(c[6]),
                                Integer.parseInt(c[7]),
                                h - 1,
                                0);
                long millis = start.atZone(MADRID).toInstant().toEpochMilli();
                double value = Double.parseDouble(c[8 + 2 * (h - 1)]);
                expected.merge(
                        station + "|" + pollutant + "|" + millis + "|" + value, 1, Integer::sum);
            }
        }
        return expected;
    }

    /** CODIGO → {lat, lon} from the station file's DMS columns, read by hand. */
    private static Map<String, double[]> stationCoordinates() throws Exception {
        Map<String, double[]> stations = new HashMap<>();
        List<String> lines =
                Files.readAllLines(
                        RepoFiles.path(
                                "data/madrid-air-quality-2023/informacion_estaciones_red_calidad_aire.csv"),
                        StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(";");
            stations.put(c[0].strip(), new double[] {dms(c[5]), dms(c[4])});
        }
        return stations;
    }

    private static double dms(String text) {
        Matcher numbers = Pattern.compile("\\d+(?:\\.\\d+)?").matcher(text);
        double[] parts = new double[3];
        for (int i = 0; i < 3 && numbers.find(); i++) {
            parts[i] = Double.parseDouble(numbers.group());
        }
        double degrees = parts[0] + parts[1] / 60 + parts[2] / 3600;
        return text.contains("O") || text.contains("W") || text.contains("S") ? -degrees : degrees;
    }

    /** trip|taxi|epochMillis|lon|lat → occurrences, from the trips file read by hand. */
    private static Map<String, Integer> portoReference(Path file) throws Exception {
        Map<String, Integer> expected = new HashMap<>();
        Pattern point = Pattern.compile("\\[(-?[\\d.]+),(-?[\\d.]+)]");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\",\"");
            String trip = c[0].replace("\"", "");
            String taxi = c[4];
            long start = Long.parseLong(c[5]) * 1000;
            Matcher m = point.matcher(c[8]);
            for (int i = 0; m.find(); i++) {
                expected.merge(
                        trip
                                + "|"
                                + taxi
                                + "|"
                                + (start + 15_000L * i)
                                + "|"
                                + Double.parseDouble(m.group(1))
                                + "|"
                                + Double.parseDouble(m.group(2)),
                        1,
                        Integer::sum);
            }
        }
        assertThat(expected.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(47_304);
        return expected;
    }
}
