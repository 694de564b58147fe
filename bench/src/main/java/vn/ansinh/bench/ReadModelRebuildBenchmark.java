package vn.ansinh.bench;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.donation.CashDonationReceived;
import vn.ansinh.events.donation.FundEntryRecorded;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.events.registry.HouseholdUpdated;
import vn.ansinh.platform.events.IncomingEvent;
import vn.ansinh.reporting.ReportingApplication;
import vn.ansinh.reporting.projection.ReadModelStore;
import vn.ansinh.reporting.projection.CashDonationView;
import vn.ansinh.reporting.projection.EventPosition;
import vn.ansinh.reporting.projection.ReportingProjections;
import vn.ansinh.reporting.rebuild.RebuildService;
import vn.ansinh.reporting.rebuild.RebuildStatus;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestInfrastructure;
import vn.ansinh.testkit.TestSecurityConfiguration;

/**
 * Times reporting-service's read models: first the live consumers catching up with a burst of
 * events, then a rebuild of every read model from offset 0. Events: households registered and
 * updated, cash donations, fund ledger entries, on the embedded broker and Mongo wire server.
 * Usage: {@code java -cp bench-exec.jar -Dloader.main=vn.ansinh.bench.ReadModelRebuildBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [events]} (default 300,000). With
 * {@code -Dansinh.external.kafka=host:port -Dansinh.external.mongo=mongodb://host:port} it runs against a broker and
 * a wire server in processes of their own ({@code ./local-stack kafka}, {@code ./local-stack mongo-memory}; topics
 * must be new) and reports the CPU each process spent per event.
 */
public final class ReadModelRebuildBenchmark {

    private static final String[] COMMUNES = {"27496", "27547", "26761", "27499", "27502"};

    private ReadModelRebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        ConfigurableApplicationContext reporting = new SpringApplicationBuilder(ReportingApplication.class,
                TestSecurityConfiguration.class).properties(Map.of("spring.config.name", "reporting-service"))
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + TestInfrastructure.mongoUri("bench-reporting"), "--logging.level.root=WARN");
        MongoTemplate mongo = reporting.getBean(MongoTemplate.class);
        TestEvents.publishDemoUnits(); // after the service has created the topics: a broker of its own creates none by itself

        Instant publishStart = Instant.now();
        long donations = publish(events, new Random(11));
        double publishSeconds = seconds(publishStart);
        System.out.printf("Published %,d events in %.1f s (%,.0f events/s)%n", events, publishSeconds, events / publishSeconds);

        Instant liveStart = publishStart;
        await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> mongo.getCollection(CashDonationView.COLLECTION).countDocuments() >= donations);
        double liveSeconds = seconds(liveStart);
        System.out.printf("Live consumers caught up in %.1f s after the first event (%,.0f events/s, publishing included)%n",
                liveSeconds, events / liveSeconds);

        boolean separate = ProcessCpu.infrastructureApart();
        RebuildService rebuilds = reporting.getBean(RebuildService.class);
        rebuilds.start(); // returns once the live consumers have stopped, as the rebuild's own clock starts
        long gcBefore = gcMillis();
        ProcessCpu cpuBefore = ProcessCpu.now();
        long wallBefore = System.nanoTime();
        RebuildStatus done = await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(20))
                .until(rebuilds::status, status -> !status.running());
        double gcSeconds = (gcMillis() - gcBefore) / 1000.0;
        ProcessCpu cpuAfter = ProcessCpu.now();
        double cpuSeconds = (cpuAfter.thisJvmNanos() - cpuBefore.thisJvmNanos()) / 1e9;
        double cpuWindow = (System.nanoTime() - wallBefore) / 1e9; // the rebuild and up to 20 ms after it
        double wallSeconds = Duration.between(done.startedAt(), done.finishedAt()).toMillis() / 1000.0;
        System.out.printf("Rebuild: %s, %,d events replayed, %,d documents written in %.1f s = %,d events/s "
                        + "(replay and projection %.1f s = %,.0f events/s; writing %.1f s = %,.0f documents/s)%n",
                done.state(), done.eventsRead(), done.documents(), wallSeconds, done.eventsPerSecond(),
                done.replaySeconds(), done.eventsRead() / done.replaySeconds(), done.writeSeconds(),
                done.documents() / Math.max(0.001, done.writeSeconds()));
        double perEvent = cpuAfter.thisJvmMicrosPerItem(cpuBefore, done.eventsRead());
        String here = separate ? "reporting alone" : "broker, wire server and reporting together";
        String others = cpuAfter.infrastructurePerItem(cpuBefore, done.eventsRead());
        // In one JVM the broker's and the wire server's objects share the heap: their collections are the rebuild's too.
        System.out.printf("Garbage collection during the rebuild: %.1f s of its %.1f s%n", gcSeconds, wallSeconds);
        System.out.printf("CPU during the rebuild per event: this JVM (%s) %.1f µs%s; this JVM used %.0f %% of %d cores%n",
                here, perEvent, others, 100 * cpuSeconds / (ProcessCpu.CORES * cpuWindow), ProcessCpu.CORES);
        String note = String.format("%,d events, %,d documents; replay and projection %,.0f events/s, writing %,.0f documents/s; "
                        + "garbage collection %.1f s of it; CPU per event: %s %.1f µs%s, %.0f %% of the %d cores used by this JVM",
                done.eventsRead(), done.documents(), done.eventsRead() / done.replaySeconds(),
                done.documents() / Math.max(0.001, done.writeSeconds()), gcSeconds, here, perEvent, others,
                100 * cpuSeconds / (ProcessCpu.CORES * cpuWindow), ProcessCpu.CORES);
        if (separate) {
            // What the design gives with the broker and the database on hosts of their own, as in production: reporting's
            // own CPU per event is all this machine would spend.
            note += String.format("; reporting alone on these %d cores, both kept busy: %,.0f events/s", ProcessCpu.CORES,
                    ProcessCpu.CORES * 1e6 / perEvent);
        }
        Figure.absolute(separate ? "read-model rebuild, broker and wire server in their own processes" : "read-model rebuild",
                done.eventsPerSecond(), "events/s", 100_000, true, note).print();
        breakdown(reporting.getBean(ReportingProjections.class));
        System.out.printf("Resident memory of this JVM (%s): %,d MB%n", separate ? "reporting" : "broker + Mongo server + reporting",
                residentMegabytes());
        reporting.close();
        System.exit(0);
    }

    /** 40 % registrations, 20 % updates of them, 30 % cash donations into 20 funds, 10 % ledger entries. */
    private static long publish(int events, Random random) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        long donations = 0;
        long[] fundSeq = new long[20];
        List<String> households = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int i = 0; i < events; i++) {
                int kind = random.nextInt(10);
                String commune = COMMUNES[random.nextInt(COMMUNES.length)];
                if (kind < 4 || households.isEmpty()) {
                    String id = UUID.randomUUID().toString();
                    households.add(id);
                    DashboardLatencyBenchmark.send(producer, json, Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, id, 1,
                            new HouseholdRegistered(id, commune, List.of(random.nextBoolean() ? "POOR" : "NEAR_POOR"),
                                    random.nextBoolean() ? "POOR" : "NEAR_POOR", 1 + random.nextInt(6), Instant.now(), "Ấp " + (1 + random.nextInt(9))));
                } else if (kind < 6) {
                    String id = households.get(random.nextInt(households.size()));
                    DashboardLatencyBenchmark.send(producer, json, Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_UPDATED, id, 2,
                            new HouseholdUpdated(id, commune, List.of("POOR"), "POOR", 3));
                } else if (kind < 9) {
                    String id = UUID.randomUUID().toString();
                    DashboardLatencyBenchmark.send(producer, json, Topics.DONATIONS.name(), EventTypes.CASH_DONATION_RECEIVED, id, 0,
                            new CashDonationReceived(id, "fund-" + random.nextInt(20), "783", 100_000L + random.nextInt(1_000_000),
                                    "BANK", Instant.now()));
                    donations++;
                } else {
                    int fund = random.nextInt(20);
                    long seq = ++fundSeq[fund];
                    DashboardLatencyBenchmark.send(producer, json, Topics.FUNDS.name(), EventTypes.FUND_ENTRY_RECORDED, "fund-" + fund, seq,
                            new FundEntryRecorded("fund-" + fund, "783", seq, "RECEIVED", 500_000L, null, seq * 500_000L, 0, 0, Instant.now()));
                }
            }
            producer.flush();
        }
        return donations;
    }

    /** Where a rebuild's time goes: the same events read from the broker alone, then projected alone in memory. */
    private static void breakdown(ReportingProjections projections) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        Instant readStart = Instant.now();
        ProcessCpu readCpu = ProcessCpu.now();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000, ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.HOUSEHOLDS.name(), Topics.DONATIONS.name(), Topics.FUNDS.name())) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        double readSeconds = seconds(readStart);
        System.out.printf("Breakdown: reading the %,d events from the broker alone %,.0f events/s, %.1f µs of this JVM's CPU "
                + "per event%n", records.size(), records.size() / readSeconds, ProcessCpu.now().thisJvmMicrosPerItem(readCpu, records.size()));
        // Four passes: the first warms what the rebuild left cold, and of the others (this machine is shared with
        // the broker and the wire server) the fastest is reported.
        long[] best = null;
        for (int pass = 1; pass <= 4; pass++) {
            long start = System.nanoTime();
            List<IncomingEvent> envelopes = new ArrayList<>(records.size());
            for (ConsumerRecord<byte[], byte[]> record : records) {
                envelopes.add(IncomingEvent.from(name -> {
                    Header header = record.headers().lastHeader(name);
                    return header == null ? null : header.value();
                }, record.value()));
            }
            long enveloped = System.nanoTime();
            List<ReportingProjections.Read> reads = new ArrayList<>(records.size());
            for (IncomingEvent envelope : envelopes) {
                reads.add(projections.read(envelope));
            }
            long parsed = System.nanoTime();
            ReadModelStore store = memoryStore();
            for (int i = 0; i < reads.size(); i++) {
                ConsumerRecord<byte[], byte[]> record = records.get(i);
                if (reads.get(i) != null) {
                    projections.apply(reads.get(i), new EventPosition(record.topic(), record.partition(), record.offset()), store);
                }
            }
            long applied = System.nanoTime();
            long[] phases = {enveloped - start, parsed - enveloped, applied - parsed};
            if (pass > 1 && (best == null || applied - start < best[0] + best[1] + best[2])) {
                best = phases;
            }
        }
        System.out.printf("Breakdown: projecting them in memory alone %,.0f events/s on one thread, per event "
                        + "%.1f µs envelope (headers), %.1f µs payload (JSON), %.1f µs applying to the read models%n",
                records.size() / ((best[0] + best[1] + best[2]) / 1e9), best[0] / 1e3 / records.size(),
                best[1] / 1e3 / records.size(), best[2] / 1e3 / records.size());
    }

    /** Read models in a map: the projection's own cost, without the database. */
    private static ReadModelStore memoryStore() {
        Map<String, Map<String, Document>> memory = new HashMap<>();
        return new ReadModelStore() {
            @Override
            public Document find(String collection, String id) {
                return memory.getOrDefault(collection, Map.of()).get(id);
            }

            @Override
            public void put(String collection, Document document) {
                memory.computeIfAbsent(collection, c -> new HashMap<>()).put(document.getString("_id"), document);
            }
        };
    }

    /** Time this JVM's collectors have spent so far. */
    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).filter(time -> time > 0).sum();
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private static long residentMegabytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
