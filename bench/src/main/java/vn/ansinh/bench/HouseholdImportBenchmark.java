package vn.ansinh.bench;

import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import tools.jackson.databind.JsonNode;
import vn.ansinh.registry.RegistryApplication;
import vn.ansinh.registry.bulkimport.ImportedHouseholdIds;
import vn.ansinh.registry.dedup.DuplicateCase;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestInfrastructure;
import vn.ansinh.testkit.TestSecurityConfiguration;
import vn.ansinh.testkit.TestTokens;

/**
 * Times a household import through the registry's real endpoint and background job, with duplicate
 * detection, on the embedded broker and Mongo wire server, and scores the duplicate cases it opened:
 * a Củ Chi spreadsheet ({@link ImportFile}) of families of one to six people named from the real name
 * lists, 5 % of them entered again re-typed. Prints rows/s, households/s, the heap the JVM used at
 * most, and precision and recall of the cases against the pairs the file was made with.
 * Usage: {@code java -Xmx4g -cp bench-exec.jar -Dloader.main=vn.ansinh.bench.HouseholdImportBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [rows] [names directory]} (default 100,000
 * rows, names from {@code ../shared/data}).
 */
public final class HouseholdImportBenchmark {

    private HouseholdImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path names = Path.of(args.length > 1 ? args[1] : "../shared/data");
        ImportFile file = new ImportFile(rows, names, 0.05, 7);
        String mongoUri = TestInfrastructure.mongoUri("bench-registry");
        ConfigurableApplicationContext registry = new SpringApplicationBuilder(RegistryApplication.class,
                TestSecurityConfiguration.class).properties(Map.of("spring.config.name", RegistryApplication.CONFIG_NAME))
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + mongoUri,
                        "--ansinh.registry.bootstrap-admin-units=classpath:fixtures/demo-admin-units.json",
                        "--logging.level.root=WARN");
        // A million rows take a while to upload and store before the job is queued: wait for the answer as long as that takes.
        ApiClient api = new ApiClient("http://localhost:" + registry.getEnvironment().getProperty("local.server.port"), Duration.ofMinutes(15));
        String cuChi = TestTokens.bearer("783", "OFFICER");
        // Scope checks need the unit tree, which reaches the registry's own replica through Kafka.
        await().atMost(Duration.ofMinutes(1)).until(() -> api.get("/api/v1/households?size=1&unit=27547", cuChi).status() == 200);
        System.out.printf("Importing %,d rows, %,d households (%,d entered again, re-typed), %.1f MB, names from %s%n", file.rows,
                file.households, file.reentered, file.csv.length / 1e6, names.toAbsolutePath().normalize());

        Instant start = Instant.now();
        ApiClient.Response upload = api.post("/api/v1/households/import", cuChi, "text/csv", file.csv);
        if (upload.status() != 202) {
            throw new IllegalStateException("upload refused: " + upload.status() + " " + upload.body());
        }
        String jobId = upload.json().get("jobId").asString();
        System.out.printf("File stored and job queued in %d ms%n", Duration.between(start, Instant.now()).toMillis());
        JsonNode job = followed(api, cuChi, jobId, start);
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        int households = job.get("households").asInt();
        System.out.printf("Household import: %s, %,d rows (%,d households, %,d rejected, %,d duplicate candidates) in %.1f s "
                        + "= %,.0f rows/s, %,.0f households/s%n", job.get("state").asString(), job.get("processed").asInt(), households,
                job.get("rejected").asInt(), job.get("duplicateCandidates").asInt(), seconds,
                job.get("processed").asInt() / seconds, households / seconds);
        long peakHeap = peakHeapMegabytes();
        long maxHeap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        System.out.printf("Heap: at most %,d MB used of %,d MB (%s)%n", peakHeap, maxHeap,
                System.getProperty("ansinh.external.mongo") == null ? "registry, broker and wire server share this JVM"
                        : "registry and broker; the database is " + System.getProperty("ansinh.external.mongo"));
        double[] quality = quality(mongoUri, jobId, file.truePairs);
        System.out.printf("Duplicate cases opened by the import: precision %.3f, recall %.3f (%,d true pairs)%n", quality[0],
                quality[1], file.truePairs.size());

        // Extrapolated to 1,000,000 rows at the rate measured (the rate falls as the registry grows: see the note).
        double projectedMinutes = 1_000_000 / (job.get("processed").asInt() / seconds) / 60;
        Figure.absolute(String.format("household import with duplicate detection, %,d rows", file.rows), seconds / 60, "min",
                file.rows * 10.0 / 1_000_000, false, String.format("%,.0f rows/s, %,.0f households/s; 1,000,000 rows at this rate: %.0f min; "
                        + "heap at most %,d of %,d MB; cases precision %.3f recall %.3f", job.get("processed").asInt() / seconds,
                        households / seconds, projectedMinutes, peakHeap, maxHeap, quality[0], quality[1])).print();
        registry.close();
        System.exit(0);
    }

    /** The job followed to its end, its progress printed every 30 seconds: a long import shows how its rate moves. */
    private static JsonNode followed(ApiClient api, String token, String jobId, Instant start) {
        Instant[] lastPrinted = {start};
        int[] lastProcessed = {0};
        return await().atMost(Duration.ofHours(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode job = api.get("/api/v1/jobs/" + jobId, token).json();
            Instant now = Instant.now();
            if (Duration.between(lastPrinted[0], now).toSeconds() >= 30) {
                int processed = job.path("processed").asInt();
                System.out.printf("  after %,d s: %,d rows, %,.0f rows/s over the last %d s%n", Duration.between(start, now).toSeconds(),
                        processed, (processed - lastProcessed[0]) / (Duration.between(lastPrinted[0], now).toMillis() / 1000.0),
                        Duration.between(lastPrinted[0], now).toSeconds());
                lastPrinted[0] = now;
                lastProcessed[0] = processed;
            }
            return job;
        }, job -> !"RUNNING".equals(job.get("state").asString()) && !"QUEUED".equals(job.get("state").asString()));
    }

    /** Precision and recall of the cases opened, against the pairs the file was made with. */
    private static double[] quality(String mongoUri, String jobId, List<String[]> truePairs) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            Set<String> opened = new HashSet<>();
            client.getDatabase("bench-registry").getCollection("duplicate_cases").find()
                    .projection(new Document("_id", 1)).forEach(c -> opened.add(c.getString("_id")));
            Set<String> expected = new HashSet<>();
            truePairs.forEach(pair -> expected.add(DuplicateCase.idOf(ImportedHouseholdIds.idOf(jobId, pair[0]),
                    ImportedHouseholdIds.idOf(jobId, pair[1]))));
            long found = opened.stream().filter(expected::contains).count();
            return new double[] {opened.isEmpty() ? 1 : (double) found / opened.size(), truePairs.isEmpty() ? 1 : (double) found / truePairs.size()};
        }
    }

    private static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
