package vn.ansinh.events;

/**
 * A Kafka topic of the platform with its fixed partition count. Partitions are never added later
 * because that would remap keys and break per-aggregate ordering.
 *
 * @param name        topic name
 * @param partitions  number of partitions, fixed at creation
 * @param compacted   whether only the latest record per key is kept (reference data)
 * @param retentionMs how long records are kept; -1 for ever (business events: read models are rebuilt from them)
 */
public record Topic(String name, int partitions, boolean compacted, long retentionMs) {

    /** A topic of business events or reference data, kept for ever (or compacted). */
    public Topic(String name, int partitions, boolean compacted) {
        this(name, partitions, compacted, -1);
    }
}
