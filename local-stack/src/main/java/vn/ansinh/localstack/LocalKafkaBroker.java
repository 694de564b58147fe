package vn.ansinh.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller), with its
 * log under the given directory so topics and offsets survive a restart of the local run.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;

    private LocalKafkaBroker(KafkaRaftServer server) {
        this.server = server;
    }

    public static LocalKafkaBroker start(Path logDir, int port, int controllerPort) throws Exception {
        Files.createDirectories(logDir);
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        config.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logDir.toString());
        config.put("num.partitions", "3");
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "false");
        KafkaConfig kafkaConfig = KafkaConfig.fromProps(config);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            new Formatter().setPrintStream(System.out).setNodeId(1).setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(logDir.toString()).setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER").setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        }
        KafkaRaftServer server = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
        server.startup();
        return new LocalKafkaBroker(server);
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
