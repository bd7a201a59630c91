package io.invicta.jobs.io;

/**
 * An event that came after its windows had closed for good: its bytes, and how late it was. A Flink
 * POJO.
 */
public class LateEvent {

    public String key;
    public long eventTime;

    /** The operator's watermark when the event arrived. */
    public long watermark;

    /** The event re-encoded in Avro single-object encoding. */
    public byte[] value;

    public LateEvent() {}

    public LateEvent(String key, long eventTime, long watermark, byte[] value) {
        this.key = key;
        this.eventTime = eventTime;
        this.watermark = watermark;
        this.value = value;
    }
}
