package io.invicta.tools.generate;

import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.BikeHireDockingStation;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.NoiseLevelObserved;
import io.invicta.schemas.OnStreetParking;
import io.invicta.schemas.TrafficFlowObserved;
import io.invicta.schemas.VehiclePosition;
import io.invicta.schemas.WeatherObserved;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;

import java.time.Instant;

/**
 * Fills one reusable record per event type with the reading of an entity at a value time, and
 * encodes it with the project codec (Avro single-object encoding). The formulas (units as in the
 * .avsc docs) are in docs/GENERATOR.md. Each reading is a pure function of (seed, entity, value
 * time, anomaly effects): {@code valueTime} differs from {@code eventTime} only for stuck sensors
 * (values frozen at the start of the fault).
 *
 * <p>Not thread-safe: records, codecs and the city model are reused.
 */
final class Readings {

    private final long seed;
    private final CityModel city;
    private final AvroCodec<AirQualityObserved> aqCodec = Codecs.forType(AirQualityObserved.class);
    private final AvroCodec<NoiseLevelObserved> noiseCodec =
            Codecs.forType(NoiseLevelObserved.class);
    private final AvroCodec<WeatherObserved> weatherCodec = Codecs.forType(WeatherObserved.class);
    private final AvroCodec<TrafficFlowObserved> trafficCodec =
            Codecs.forType(TrafficFlowObserved.class);
    private final AvroCodec<OnStreetParking> parkingCodec = Codecs.forType(OnStreetParking.class);
    private final AvroCodec<BikeHireDockingStation> bikeCodec =
            Codecs.forType(BikeHireDockingStation.class);
    private final AvroCodec<VehiclePosition> vehicleCodec = Codecs.forType(VehiclePosition.class);
    private final AirQualityObserved aq = new AirQualityObserved();
    private final NoiseLevelObserved noise = new NoiseLevelObserved();
    private final WeatherObserved weather = new WeatherObserved();
    private final TrafficFlowObserved traffic = new TrafficFlowObserved();
    private final OnStreetParking parking = new OnStreetParking();
    private final BikeHireDockingStation bikes = new BikeHireDockingStation();
    private final VehiclePosition vehicle = new VehiclePosition();
    private final GeoPoint vehicleLocation = new GeoPoint(0.0, 0.0);
    private final double[] fix = new double[4];
    // Trip ids are cached per vehicle and loop, so they are built once per loop, not per fix.
    private String[] tripIds = new String[0];
    private long[] tripLoops = new long[0];
    private String lastZone;

    Readings(long seed) {
        this.seed = seed;
        this.city = new CityModel(seed);
    }

    /** Zone of the last encoded reading (for vehicles: of its position). */
    String lastZone() {
        return lastZone;
    }

    CityModel city() {
        return city;
    }

    /**
     * Encodes the reading of entity i.
     *
     * @param pollution active pollution episode of the entity's zone, or null
     * @param congestion active congestion of the entity's zone, or null
     */
    byte[] encode(
            EntityTable e,
            int i,
            long valueTime,
            long eventTime,
            Anomaly pollution,
            Anomaly congestion) {
        CityModel c = city.at(valueTime);
        long entity = e.type.ordinal() * 1_000_003L + i;
        return switch (e.type) {
            case AIR_QUALITY -> airQuality(e, i, c, entity, valueTime, eventTime, pollution);
            case NOISE -> noise(e, i, c, entity, valueTime, eventTime);
            case WEATHER -> weather(e, i, c, entity, valueTime, eventTime);
            case TRAFFIC_FLOW -> traffic(e, i, c, entity, valueTime, eventTime, congestion);
            case PARKING -> parking(e, i, c, entity, valueTime, eventTime);
            case BIKE_STATIONS -> bikes(e, i, c, entity, valueTime, eventTime);
            case VEHICLE_POSITIONS -> vehicle(e, i, valueTime, eventTime);
        };
    }

    private byte[] airQuality(
            EntityTable e, int i, CityModel c, long entity, long vt, long et, Anomaly episode) {
        double b = e.p0[i];
        double tf = c.traffic * 2.5 / (1.5 + c.windSpeed); // traffic emissions, diluted by wind
        double no2 = b * (10 + 65 * tf) * (1 + 0.12 * g(entity, vt, 1));
        double no = b * (2 + 35 * tf) * (1 + 0.2 * g(entity, vt, 2));
        double pm10 = b * (12 + 22 * tf) * (1 + 0.12 * g(entity, vt, 3));
        double pm25 = 0.6 * pm10 * (1 + 0.08 * g(entity, vt, 4));
        double o3 = Math.max(2, (20 + 75 * c.daylight) * (1 + 0.1 * g(entity, vt, 5)) - 0.25 * no2);
        double co = b * (0.15 + 0.55 * tf) * (1 + 0.1 * g(entity, vt, 6));
        if (episode != null) {
            no2 += episode.no2Added;
            pm10 += episode.pm10Added;
            pm25 += episode.pm10Added * 0.6;
        }
        aq.setId(e.ids[i]);
        aq.setDateObserved(Instant.ofEpochMilli(et));
        aq.setLocation(e.locations[i]);
        aq.setZone(lastZone = PortoZones.NAMES[e.zones[i]]);
        aq.setNo2(r1(no2));
        aq.setNo(r1(no));
        aq.setNox(r1(no2 + 1.53 * no));
        aq.setPm10(r1(pm10));
        aq.setPm25(r1(pm25));
        aq.setO3(r1(o3));
        aq.setSo2(r1(1.5 + 3 * u(entity, vt, 7)));
        aq.setCo(Math.rint(co * 100) / 100);
        return aqCodec.encode(aq);
    }

    private byte[] noise(EntityTable e, int i, CityModel c, long entity, long vt, long et) {
        double laeq = 52 + 17 * c.trafficPow07 + e.p0[i] + 1.2 * g(entity, vt, 1);
        noise.setId(e.ids[i]);
        noise.setDateObserved(Instant.ofEpochMilli(et));
        noise.setDateObservedFrom(Instant.ofEpochMilli(et - e.intervalMs));
        noise.setLocation(e.locations[i]);
        noise.setZone(lastZone = PortoZones.NAMES[e.zones[i]]);
        noise.setLAeq(r1(laeq));
        noise.setLAmax(r1(laeq + 7 + 8 * u(entity, vt, 2)));
        noise.setLAS(r1(Math.max(30, laeq + 2.5 * g(entity, vt, 3))));
        return noiseCodec.encode(noise);
    }

    private byte[] weather(EntityTable e, int i, CityModel c, long entity, long vt, long et) {
        weather.setId(e.ids[i]);
        weather.setDateObserved(Instant.ofEpochMilli(et));
        weather.setLocation(e.locations[i]);
        weather.setZone(lastZone = PortoZones.NAMES[e.zones[i]]);
        weather.setTemperature(r1(c.temperature + e.p0[i] + 0.2 * g(entity, vt, 1)));
        weather.setRelativeHumidity(
                Math.rint(CityModel.clamp(c.humidity + 0.02 * g(entity, vt, 2), 0.05, 1.0) * 100)
                        / 100);
        weather.setAtmosphericPressure(r1(c.pressure + 0.3 * g(entity, vt, 3)));
        weather.setWindSpeed(r1(Math.max(0, c.windSpeed * e.p1[i] + 0.3 * g(entity, vt, 4))));
        weather.setWindDirection(
                (double) Math.floorMod(Math.round(c.windDirection + 10 * g(entity, vt, 5)), 360L));
        weather.setPrecipitation(r1(c.rainPerHour * e.intervalMs / 3_600_000.0));
        return weatherCodec.encode(weather);
    }

    private byte[] traffic(
            EntityTable e, int i, CityModel c, long entity, long vt, long et, Anomaly congestion) {
        double f = c.traffic;
        double freeSpeed = e.p1[i];
        double intensity = e.p0[i] * f * (e.intervalMs / 60_000.0) * (1 + 0.15 * g(entity, vt, 1));
        double occupancy =
                CityModel.clamp(0.02 + 0.42 * c.trafficPow16 + 0.03 * g(entity, vt, 2), 0, 0.95);
        double speed = Math.max(5, freeSpeed * (1 - 0.45 * f * f) * (1 + 0.06 * g(entity, vt, 3)));
        if (congestion != null) {
            speed *= congestion.speedFactor;
            occupancy = Math.min(0.98, occupancy + congestion.occupancyAdded);
            intensity *= congestion.intensityFactor;
        }
        traffic.setId(e.ids[i]);
        traffic.setDateObserved(Instant.ofEpochMilli(et));
        traffic.setDateObservedFrom(Instant.ofEpochMilli(et - e.intervalMs));
        traffic.setLocation(e.locations[i]);
        traffic.setZone(lastZone = PortoZones.NAMES[e.zones[i]]);
        traffic.setLaneId((int) e.p2[i]);
        traffic.setIntensity((int) Math.max(0, Math.round(intensity)));
        traffic.setOccupancy(Math.rint(occupancy * 1000) / 1000);
        traffic.setAverageVehicleSpeed(r1(speed));
        traffic.setCongested(speed < 0.5 * freeSpeed);
        return trafficCodec.encode(traffic);
    }

    private byte[] parking(EntityTable e, int i, CityModel c, long entity, long vt, long et) {
        double h = c.localHour;
        double work = CityModel.sigmoid((h - 8) / 0.7) * CityModel.sigmoid((19.5 - h) / 0.8);
        boolean centre = PortoZones.kind(e.zones[i]) == PortoZones.Kind.CENTRE;
        double occ =
                centre
                        ? 0.25 + (c.weekend ? 0.45 : 0.65) * work
                        : 0.85 - (c.weekend ? 0.15 : 0.35) * work;
        occ = CityModel.clamp(occ + 0.05 * g(entity, vt, 1), 0, 1);
        int total = (int) e.p0[i];
        parking.setId(e.ids[i]);
        parking.setDateObserved(Instant.ofEpochMilli(et));
        parking.setLocation(e.locations[i]);
        parking.setZone(lastZone = PortoZones.NAMES[e.zones[i]]);
        parking.setTotalSpotNumber(total);
        parking.setAvailableSpotNumber(total - (int) Math.round(total * occ));
        return parkingCodec.encode(parking);
    }

    private byte[] bikes(EntityTable e, int i, CityModel c, long entity, long vt, long et) {
        double h = c.localHour;
        // Commuters ride from residential areas to the centre in the morning and back in the
        // evening.
        double commute =
                CityModel.sigmoid((h - 8) / 0.6)
                        * CityModel.sigmoid((18.5 - h) / 0.8)
                        * (c.weekend ? 0.3 : 1);
        boolean centre = PortoZones.kind(e.zones[i]) == PortoZones.Kind.CENTRE;
        double fill = centre ? 0.25 + 0.6 * commute : 0.8 - 0.6 * commute;
        fill = CityModel.clamp(fill + 0.06 * g(entity, vt, 1), 0, 1);
        int total = (int) e.p0[i];
        int available = (int) Math.round(total * fill);
        bikes.setId(e.ids[i]);
        bikes.setDateObserved(Instant.ofEpochMilli(et));
        bikes.setLocation(e.locations[i]);
        bikes.setZone(lastZone = PortoZones.NAMES[e.zones[i]]);
        bikes.setTotalSlotNumber(total);
        bikes.setAvailableBikeNumber(available);
        bikes.setFreeSlotNumber(total - available);
        return bikeCodec.encode(bikes);
    }

    private byte[] vehicle(EntityTable e, int i, long vt, long et) {
        VehicleRoutes routes = e.routes;
        routes.position(i, vt, fix);
        double lat = EntityTable.round6(fix[0]);
        double lon = EntityTable.round6(fix[1]);
        vehicleLocation.setLat(lat);
        vehicleLocation.setLon(lon);
        vehicle.setId(e.ids[i]);
        vehicle.setVehicleId(e.ids[i]);
        vehicle.setVehicleType(routes.isBus(i) ? "bus" : "taxi");
        vehicle.setTripId(tripId(e, i, routes.loop(i, vt)));
        vehicle.setDateObserved(Instant.ofEpochMilli(et));
        vehicle.setLocation(vehicleLocation);
        vehicle.setZone(lastZone = PortoZones.NAMES[PortoZones.zoneOf(lat, lon)]);
        vehicle.setSpeed(fix[2]);
        vehicle.setHeading(fix[3]);
        return vehicleCodec.encode(vehicle);
    }

    private String tripId(EntityTable e, int i, long loop) {
        if (tripIds.length != e.size) {
            tripIds = new String[e.size];
            tripLoops = new long[e.size];
        }
        if (tripIds[i] == null || tripLoops[i] != loop) {
            tripIds[i] = e.ids[i] + "-trip-" + loop;
            tripLoops[i] = loop;
        }
        return tripIds[i];
    }

    private double g(long entity, long time, int salt) {
        return Noise.gauss(seed, entity, time, salt);
    }

    private double u(long entity, long time, int salt) {
        return Noise.uniform(seed, entity, time, salt);
    }

    private static double r1(double v) {
        return Math.rint(v * 10) / 10;
    }
}
