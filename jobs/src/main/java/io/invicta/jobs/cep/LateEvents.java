package io.invicta.jobs.cep;

import io.invicta.jobs.io.LateEvent;

/**
 * An event that reached the rules behind their watermark → a {@link LateEvent} with the bytes it
 * arrived as.
 */
final class LateEvents {

    private LateEvents() {}

    static LateEvent of(CepEvent event, long watermark) {
        return new LateEvent(
                event.vehicle != null ? event.vehicle : event.sensor,
                event.time,
                watermark,
                event.payload);
    }
}
