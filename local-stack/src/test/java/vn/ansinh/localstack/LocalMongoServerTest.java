package vn.ansinh.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The wire server a benchmark or the local run talks to: on disk, or in memory with nothing written. */
class LocalMongoServerTest {

    @TempDir
    Path dataDir;

    @Test
    void theInMemoryServerAnswersAndKeepsNothingOnceStopped() {
        try (LocalMongoServer server = LocalMongoServer.inMemory(0);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.port())) {
            client.getDatabase("bench-registry").getCollection("households")
                    .insertOne(new Document("_id", "h1").append("headName", "Nguyễn Văn An"));

            Document read = client.getDatabase("bench-registry").getCollection("households").find(new Document("_id", "h1")).first();

            assertThat(read).isNotNull();
            assertThat(read.getString("headName")).isEqualTo("Nguyễn Văn An");
        }
        try (LocalMongoServer again = LocalMongoServer.inMemory(0);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + again.port())) {
            assertThat(client.getDatabase("bench-registry").getCollection("households").countDocuments()).isZero();
        }
    }

    @Test
    void theServerOnDiskKeepsItsDocumentsBetweenStarts() throws Exception {
        int port;
        try (LocalMongoServer server = LocalMongoServer.start(dataDir, 0)) {
            port = server.port();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                client.getDatabase("registry").getCollection("households").insertOne(new Document("_id", "h2").append("unitCode", "27496"));
            }
        }
        try (LocalMongoServer again = LocalMongoServer.start(dataDir, 0);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + again.port())) {
            assertThat(client.getDatabase("registry").getCollection("households").find(new Document("_id", "h2")).first())
                    .isNotNull();
        }
    }
}
