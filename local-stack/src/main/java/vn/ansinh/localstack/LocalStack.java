package vn.ansinh.localstack;

import java.nio.file.Path;

/**
 * {@code java -jar local-stack-exec.jar kafka|mongo|mongo-memory [dataDir]}: starts one piece of the local
 * infrastructure in this process and keeps it running until the process is stopped ({@code mongo-memory}:
 * the wire server with nothing on disk, for measuring; see {@link LocalMongoServer#inMemory}).
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: LocalStack kafka|mongo|mongo-memory [dataDir]");
            System.exit(2);
        }
        Path dataDir = Path.of(args.length > 1 ? args[1] : "data").toAbsolutePath();
        AutoCloseable running = switch (args[0]) {
            case "kafka" -> LocalKafkaBroker.start(dataDir.resolve("kafka"),
                    Integer.parseInt(System.getenv().getOrDefault("KAFKA_PORT", "9092")),
                    Integer.parseInt(System.getenv().getOrDefault("KAFKA_CONTROLLER_PORT", "9093")));
            case "mongo" -> LocalMongoServer.start(dataDir.resolve("mongo"),
                    Integer.parseInt(System.getenv().getOrDefault("MONGO_PORT", "27017")));
            case "mongo-memory" -> LocalMongoServer.inMemory(Integer.parseInt(System.getenv().getOrDefault("MONGO_PORT", "27017")));
            default -> throw new IllegalArgumentException("Unknown piece " + args[0] + ": kafka, mongo or mongo-memory");
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("Stopping " + args[0] + " failed: " + e);
            }
        }, "local-stack-shutdown"));
        System.out.println(args[0] + " ready");
        Thread.currentThread().join();
    }
}
