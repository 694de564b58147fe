package vn.ansinh.events;

/**
 * A Kafka topic of the platform with its fixed partition count. Partitions are never added later
 * because that would remap keys and break per-aggregate ordering.
 *
 * @param name       topic name
 * @param partitions number of partitions, fixed at creation
 * @param compacted  whether only the latest record per key is kept (reference data)
 */
public record Topic(String name, int partitions, boolean compacted) {
}
