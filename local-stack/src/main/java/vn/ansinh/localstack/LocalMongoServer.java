package vn.ansinh.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The MongoDB wire server (mongo-java-server) with an H2 file backend, so the local run keeps its
 * data between starts; or, for measuring, with everything in this process's heap and nothing on disk
 * ({@link #inMemory}): at a million households the H2 store's own page reads and serialised key
 * comparisons hide the platform's costs. Production uses real MongoDB; see docker-compose.yml.
 */
public final class LocalMongoServer implements AutoCloseable {

    private final MongoServer server;
    private final MongoBackend backend;

    private LocalMongoServer(MongoServer server, MongoBackend backend) {
        this.server = server;
        this.backend = backend;
    }

    /** The wire server keeping every document in this heap (size it: -Xmx), gone when the process stops. */
    public static LocalMongoServer inMemory(int port) {
        MemoryBackend backend = new MemoryBackend();
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new LocalMongoServer(server, backend);
    }

    public int port() {
        return server.getLocalAddress().getPort();
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
