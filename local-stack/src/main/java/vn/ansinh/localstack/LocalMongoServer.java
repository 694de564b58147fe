package vn.ansinh.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The MongoDB wire server (mongo-java-server) with an H2 file backend, so the local run keeps its
 * data between starts. Production uses real MongoDB; see docker-compose.yml.
 */
public final class LocalMongoServer implements AutoCloseable {

    private final MongoServer server;
    private final H2Backend backend;

    private LocalMongoServer(MongoServer server, H2Backend backend) {
        this.server = server;
        this.backend = backend;
    }

    public static LocalMongoServer start(Path dataDir, int port) throws Exception {
        Files.createDirectories(dataDir);
        H2Backend backend = new H2Backend(dataDir.resolve("ansinh.mv").toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new LocalMongoServer(server, backend);
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}
