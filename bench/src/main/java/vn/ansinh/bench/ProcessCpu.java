package vn.ansinh.bench;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU used so far by this JVM and, when a benchmark runs against them ({@code -Dansinh.external.kafka},
 * {@code -Dansinh.external.mongo}), by {@code ./local-stack}'s broker and wire server in their own processes: with
 * them apart, what a service costs alone is this JVM's share, which is what the machine would spend with the broker
 * and the database on hosts of their own.
 */
record ProcessCpu(long thisJvmNanos, Map<String, Long> infrastructureNanos) {

    static final int CORES = Runtime.getRuntime().availableProcessors();

    static boolean infrastructureApart() {
        return System.getProperty("ansinh.external.kafka") != null;
    }

    static ProcessCpu now() {
        Map<String, Long> infrastructure = new TreeMap<>();
        if (infrastructureApart()) {
            ProcessHandle.allProcesses().forEach(process -> {
                String command = process.info().commandLine().orElse("");
                if (command.contains("local-stack")) {
                    String name = command.contains(" kafka") ? "the broker" : command.contains(" mongo") ? "the wire server" : "local-stack";
                    process.info().totalCpuDuration().ifPresent(used -> infrastructure.merge(name, used.toNanos(), Long::sum));
                }
            });
        }
        long own = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new ProcessCpu(own, infrastructure);
    }

    /** Microseconds of CPU per item of this JVM since {@code before}. */
    double thisJvmMicrosPerItem(ProcessCpu before, long items) {
        return (thisJvmNanos - before.thisJvmNanos) / 1e3 / Math.max(1, items);
    }

    /** ", the broker 1.3 µs, the wire server 7.1 µs" per item since {@code before}; empty when they share this JVM. */
    String infrastructurePerItem(ProcessCpu before, long items) {
        StringBuilder text = new StringBuilder();
        infrastructureNanos.forEach((name, nanos) -> text.append(String.format(", %s %.1f µs", name,
                (nanos - before.infrastructureNanos.getOrDefault(name, 0L)) / 1e3 / Math.max(1, items))));
        return text.toString();
    }
}
