package vn.ansinh.systemtest;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.ansinh.testkit.ApiClient;

import static org.awaitility.Awaitility.await;

/** A service started from its executable jar as a separate operating-system process. */
final class ServiceProcess {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    final int port;
    private Process process;

    ServiceProcess(String name, String jarProperty, int port, Map<String, String> environment, String... args) {
        this.name = name;
        this.port = port;
        this.environment = environment;
        String jar = System.getProperty(jarProperty);
        if (jar == null || !new File(jar).exists()) {
            throw new IllegalStateException("Executable jar for " + name + " not found at " + jar + "; run the build first");
        }
        command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar, "--server.port=" + port));
        command.addAll(List.of(args));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    ServiceProcess start() {
        try {
            Path logs = Path.of(System.getProperty("ansinh.logs", "target/process-logs"));
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name, e);
        }
    }

    /** Waits until {@code /actuator/health} answers UP. */
    ServiceProcess awaitHealthy(Duration limit) {
        ApiClient client = new ApiClient("http://localhost:" + port);
        await().atMost(limit).pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(java.io.UncheckedIOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see its log");
                    }
                    return client.get("/actuator/health", null).body().contains("\"status\":\"UP\"");
                });
        return this;
    }

    /** The operating system's process id. */
    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hooks, no offset commits, no graceful anything. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
