package vn.ansinh.reporting.projection;

/**
 * Where an event was read: its topic, partition and offset. Kafka hands a partition's events to one
 * consumer at a time and in offset order, live and when a rebuild replays, which is what lets a
 * running total remember how far it has counted.
 */
public record EventPosition(String topic, int partition, long offset) {
}
