package io.invicta.rules;

import io.invicta.schemas.Alert;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped rules over consecutive readings keep their runs in named windows (so the rules job
 * checkpoints one row per zone, segment or sensor instead of the readings); each must raise exactly
 * what the same rule written with {@code match_recognize}, a sliding window or a pattern raises, on
 * random readings with gaps, ties and missing values.
 */
class WindowFormEquivalenceTest {

    private static final String EPISODES =
            """
module air_quality_episodes;
create constant variable double no2HighReading = 200;
insert into HighNo2Run
select * from AirQualityObserved(no2 is not null)
match_recognize (
  partition by zone
  measures a.zone as zone, a.no2 as no2First, b.no2 as no2Second, c.no2 as no2Third
  pattern (a b c)
  define
    a as a.no2 > no2HighReading,
    b as b.no2 > no2HighReading,
    c as c.no2 > no2HighReading
         and c.dateObserved.toEpochMilli() - a.dateObserved.toEpochMilli() <= 15 * 60 * 1000
);
@Name('no2-three-high-readings')
@Description('Three consecutive NO2 readings in a zone above 200 µg/m³ within 15 minutes')
@Tag(name='severity', value='WARNING')
@Tag(name='partition', value='zone')
@Tag(name='message', value='{zone}: {no2First}, {no2Second}, {no2Third}')
select r.zone as zone, r.no2First as no2First, r.no2Second as no2Second, r.no2Third as no2Third
from pattern [every-distinct(r.zone, 1 hour) r=HighNo2Run];
""";

    private static final String PARKING =
            """
// On-street parking per sensor (a street segment or car park): tell the traffic team before it is full, while
// cars are still arriving, so guidance signs can send drivers elsewhere.
module parking;

create constant variable double nearlyFullShare = 0.1;
create constant variable double freeAgainShare = 0.2;

// Three readings in a row with fewer free spots each time (arrivals outpacing departures), the last one with
// at most 10 % of the spots free.
// Counted in readings, not time: keep half an hour of events to rebuild the match after a restore or reload.
@Tag(name='horizon', value='30 minutes')
insert into ParkingFilling
select sensor, zone, freeBefore, free, total from OnStreetParking(availableSpotNumber is not null and totalSpotNumber > 0)
match_recognize (
  partition by id
  measures c.id as sensor, c.zone as zone, a.availableSpotNumber as freeBefore,
           c.availableSpotNumber as free, c.totalSpotNumber as total
  pattern (a b c)
  define
    b as b.availableSpotNumber < a.availableSpotNumber,
    c as c.availableSpotNumber < b.availableSpotNumber
         and c.availableSpotNumber <= nearlyFullShare * c.totalSpotNumber
);

// Said once until the segment has more than 20 % free again (hysteresis: a segment hovering at 10 % does not
// alert on every car).
create window NearlyFullParking#unique(sensor) as (sensor string, zone string, freeBefore int, free int, total int);

@Name('parking-nearly-full')
@Description('A parking segment falls to 10 % free spots or less over three readings with fewer free spots each time')
@Tag(name='severity', value='INFO')
@Tag(name='partition', value='sensor')
@Tag(name='message', value='Parking {sensor} in {zone} is nearly full and filling: {free} of {total} spots free (was {freeBefore})')
insert into NearlyFullParking
select f.sensor as sensor, f.zone as zone, f.freeBefore as freeBefore, f.free as free, f.total as total
from ParkingFilling f
where not exists (select * from NearlyFullParking w where w.sensor = f.sensor);

on OnStreetParking(availableSpotNumber > freeAgainShare * totalSpotNumber) as p
delete from NearlyFullParking w where w.sensor = p.id;
""";

    private static final String TRAFFIC_POLLUTION =
            """
// Traffic and air quality together, per zone: a sudden slowdown (a queue forming) followed by NO2 rising in the
// same zone is the signature of traffic-made pollution, worth a look at signal timing or diversions.
module traffic_pollution;

// A slowdown: a traffic reading at half or less of the fastest reading of the same sensor in the 10 minutes
// before it. One aggregate per sensor (a sliding 10-minute max), not a pattern per reading: every reading would
// otherwise open a 10-minute pattern, and at city rates those dominate the cost.
insert into Slowdown
select t.id as trafficSensor, t.zone as zone, max(t.averageVehicleSpeed) as speedBefore,
       t.averageVehicleSpeed as speedAfter
from TrafficFlowObserved(averageVehicleSpeed is not null)#groupwin(id)#time(10 min) as t
group by t.id
having t.averageVehicleSpeed <= max(t.averageVehicleSpeed) / 2 and max(t.averageVehicleSpeed) > 0;

// Then, within 30 minutes, a reading of an air-quality sensor of the same zone followed by a higher NO2
// reading of that sensor. Slowdowns are rare, so this pattern runs rarely.
insert into SlowdownThenNo2
select s.zone as zone, s.trafficSensor as trafficSensor, s.speedBefore as speedBefore,
       s.speedAfter as speedAfter, n1.id as airSensor, n1.no2 as no2Before, n2.no2 as no2After
from pattern [every s=Slowdown
    -> ((n1=AirQualityObserved(zone = s.zone, no2 is not null)
         -> n2=AirQualityObserved(id = n1.id, no2 > n1.no2)) where timer:within(30 min))];

@Name('traffic-slowdown-then-no2-rise')
@Description('Traffic speed halving within 10 minutes followed within 30 minutes by rising NO2 in the same zone')
@Tag(name='severity', value='INFO')
@Tag(name='partition', value='zone')
@Tag(name='message', value='Traffic slowed from {speedBefore} to {speedAfter} km/h at {trafficSensor} in {zone}, then NO2 rose from {no2Before} to {no2After} µg/m³ at {airSensor}')
select s.zone as zone, s.trafficSensor as trafficSensor, s.speedBefore as speedBefore,
       s.speedAfter as speedAfter, s.airSensor as airSensor, s.no2Before as no2Before, s.no2After as no2After
from pattern [every-distinct(s.zone, 30 min) s=SlowdownThenNo2];
""";

    private static final String CONGESTION =
            """
// Traffic per sensor: congestion that does not clear by itself.
module traffic;

// Each traffic sensor runs its own copy of the pattern below (one instance per sensor id).
create context PerTrafficSensor partition by id from TrafficFlowObserved;

// One alert per congestion episode: the pattern waits for a free-flowing reading, then for the first congested
// one, then for 15 minutes without a free-flowing reading. After it fires, 'every' starts again with a
// free-flowing reading, i.e. only after this episode has ended. A sensor first seen already congested is
// caught from its next episode on.
@Name('congestion-persisting')
@Description('A traffic sensor reports congestion for 15 minutes without a free-flowing reading')
@Tag(name='severity', value='WARNING')
@Tag(name='partition', value='sensor')
@Tag(name='message', value='Congestion at traffic sensor {sensor} in {zone} for 15 minutes (since {since}, speed {speed} km/h)')
context PerTrafficSensor
select a.id as sensor, a.zone as zone, a.dateObserved as since, a.averageVehicleSpeed as speed
from pattern [every (TrafficFlowObserved(congested = false)
    -> a=TrafficFlowObserved(congested = true)
    -> (timer:interval(15 min) and not TrafficFlowObserved(congested = false)))];
""";

    private static final String BIKES =
            """
// Bike-hire docking stations, per station: an empty station cannot lend, a full one cannot take bikes back.
// Both are normal for a few minutes; 10 minutes means the rebalancing van should go.
module bikes;

create context PerStation partition by id from BikeHireDockingStation;

// One alert per episode (as congestion-persisting): wait for a station with bikes, then for the reading
// that says it is empty, then for 10 minutes without a bike returned.
@Name('bike-station-empty')
@Description('A bike station has had no bike to lend for 10 minutes')
@Tag(name='severity', value='INFO')
@Tag(name='partition', value='sensor')
@Tag(name='message', value='Bike station {sensor} in {zone} has been empty for 10 minutes ({slots} free docks)')
context PerStation
select e.id as sensor, e.zone as zone, e.freeSlotNumber as slots
from pattern [every (BikeHireDockingStation(availableBikeNumber > 0)
    -> e=BikeHireDockingStation(availableBikeNumber = 0)
    -> (timer:interval(10 min) and not BikeHireDockingStation(availableBikeNumber > 0)))];

@Name('bike-station-full')
@Description('A bike station has had no free dock to return a bike to for 10 minutes')
@Tag(name='severity', value='INFO')
@Tag(name='partition', value='sensor')
@Tag(name='message', value='Bike station {sensor} in {zone} has been full for 10 minutes ({bikes} bikes docked)')
context PerStation
select f.id as sensor, f.zone as zone, f.availableBikeNumber as bikes
from pattern [every (BikeHireDockingStation(freeSlotNumber > 0)
    -> f=BikeHireDockingStation(freeSlotNumber = 0)
    -> (timer:interval(10 min) and not BikeHireDockingStation(freeSlotNumber > 0)))];
""";

    /** What a module raises on the events: time, rule, key and every field of each alert. */
    static List<String> alerts(String file, String moduleText, List<SpecificRecord> events)
            throws Exception {
        RuleSet set = RuleSet.compile(1, List.of(new RuleFile(file, moduleText)));
        List<Alert> alerts = new ArrayList<>();
        try (RuleRuntime runtime =
                RuleRuntime.start(set, null, RandomReadings.START, alerts::add)) {
            events.forEach(runtime::send);
        }
        return described(alerts);
    }

    static List<String> described(List<Alert> alerts) {
        return alerts.stream()
                .map(
                        a ->
                                Instant.ofEpochMilli(a.getEventTime().toEpochMilli())
                                        + " "
                                        + a.getRuleId()
                                        + " "
                                        + a.getPartitionKey()
                                        + " "
                                        + new TreeMap<>(a.getFields()))
                .toList();
    }

    private static void assertSameAlerts(
            String module, String reference, List<SpecificRecord> events) throws Exception {
        String shipped = Files.readString(Path.of("..", "cep-rules", module + ".epl"));
        assertThat(shipped).contains("@Tag(name='recovery', value='windows')");
        // In time order; alerts of one instant for different keys may come in either order (a
        // clock's rows in the window's order, a pattern's timers in theirs).
        List<String> expected =
                alerts(module + ".epl", reference, events).stream().sorted().toList();
        assertThat(expected).as("the readings make episodes").hasSizeGreaterThan(20);
        assertThat(alerts(module + ".epl", shipped, events).stream().sorted().toList())
                .containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theNo2EpisodesRaiseWhatMatchRecognizeAndEveryDistinctRaise(long seed) throws Exception {
        assertSameAlerts("air-quality-episodes", EPISODES, RandomReadings.no2(seed));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theParkingFillingsRaiseWhatMatchRecognizeRaises(long seed) throws Exception {
        assertSameAlerts("parking", PARKING, RandomReadings.parking(seed));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theSlowdownsThenNo2RaiseWhatTheSlidingMaximumAndPatternRaise(long seed) throws Exception {
        assertSameAlerts(
                "traffic-pollution", TRAFFIC_POLLUTION, RandomReadings.trafficAndNo2(seed));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theCongestionEpisodesRaiseWhatThePatternPerSensorRaises(long seed) throws Exception {
        assertSameAlerts("traffic", CONGESTION, RandomReadings.congestion(seed));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theEmptyAndFullStationsRaiseWhatThePatternsPerStationRaise(long seed) throws Exception {
        assertSameAlerts("bikes", BIKES, RandomReadings.bikeStations(seed));
    }
}
