package vn.ansinh.bench;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import vn.ansinh.registry.RegistryApplication;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestInfrastructure;
import vn.ansinh.testkit.TestSecurityConfiguration;
import vn.ansinh.testkit.TestTokens;

/**
 * Times a household import through the registry's real endpoint and background job, with duplicate
 * detection, on the embedded broker and Mongo wire server: a Củ Chi spreadsheet of made-up families
 * (one member per row) in which one family in ten appears a second time.
 * Usage: {@code java -cp bench-exec.jar -Dloader.main=vn.ansinh.bench.HouseholdImportBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [rows]} (default 100,000).
 */
public final class HouseholdImportBenchmark {

    private static final String[] FAMILY = {"Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
            "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Ngọc", "Minh", "Thanh", "Hữu", "Kim", "Đức"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Hoa", "Hùng", "Lan", "Linh",
            "Long", "Mai", "Nam", "Nga", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vân", "Xuân", "Yến"};
    private static final String[] COMMUNES = {"27496", "27499", "27502", "27505", "27508", "27511", "27514", "27517",
            "27520", "27523", "27526", "27529", "27532", "27535", "27538", "27541", "27544", "27547", "27550", "27553", "27556"};

    private HouseholdImportBenchmark() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        ConfigurableApplicationContext registry = new SpringApplicationBuilder(RegistryApplication.class,
                TestSecurityConfiguration.class).properties(Map.of("spring.config.name", RegistryApplication.CONFIG_NAME))
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + TestInfrastructure.mongoUri("bench-registry"),
                        "--ansinh.registry.bootstrap-admin-units=classpath:fixtures/demo-admin-units.json",
                        "--logging.level.root=WARN");
        ApiClient api = new ApiClient("http://localhost:" + registry.getEnvironment().getProperty("local.server.port"));
        String cuChi = TestTokens.bearer("783", "OFFICER");
        // Scope checks need the unit tree, which reaches the registry's own replica through Kafka.
        await().atMost(Duration.ofMinutes(1)).until(() -> api.get("/api/v1/households?size=1&unit=27547", cuChi).status() == 200);
        byte[] csv = spreadsheet(rows, new Random(7));
        System.out.printf("Importing %,d rows (%.1f MB)%n", rows, csv.length / 1e6);

        Instant start = Instant.now();
        ApiClient.Response upload = api.post("/api/v1/households/import", cuChi, "text/csv", csv);
        if (upload.status() != 202) {
            throw new IllegalStateException("upload refused: " + upload.status() + " " + upload.body());
        }
        String jobId = upload.json().get("jobId").asString();
        System.out.printf("File stored and job queued in %d ms%n", Duration.between(start, Instant.now()).toMillis());
        JsonNode job = await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.get("/api/v1/jobs/" + jobId, cuChi).json(), j -> "DONE".equals(j.get("state").asString()));
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        System.out.printf("Household import: %,d rows (%,d households, %,d rejected, %,d duplicate candidates) in %.1f s "
                        + "= %,.0f rows/s, %,.0f households/s%n", job.get("processed").asInt(), job.get("households").asInt(),
                job.get("rejected").asInt(), job.get("duplicateCandidates").asInt(), seconds,
                job.get("processed").asInt() / seconds, job.get("households").asInt() / seconds);
        registry.close();
        System.exit(0);
    }

    /** Families of 1 to 6 members; every tenth family is an earlier one entered a second time. */
    private static byte[] spreadsheet(int rows, Random random) {
        StringBuilder csv = new StringBuilder("Mã hộ;Họ và tên;Ngày sinh;Giới tính;Quan hệ với chủ hộ;Mã xã;Ấp/Thôn;Số điện thoại;Diện\n");
        List<String> earlier = new ArrayList<>();
        int written = 0;
        for (int household = 0; written < rows; household++) {
            if (household % 10 == 9 && !earlier.isEmpty()) {
                String copy = earlier.get(random.nextInt(earlier.size()));
                for (String line : copy.split("\n")) {
                    csv.append("D").append(household).append(line.substring(line.indexOf(';')))
                            .append('\n');
                    written++;
                }
                continue;
            }
            StringBuilder family = new StringBuilder();
            String familyName = FAMILY[random.nextInt(FAMILY.length)];
            String commune = COMMUNES[random.nextInt(COMMUNES.length)];
            String phone = random.nextInt(3) == 0 ? "" : "09" + String.format("%08d", random.nextInt(100_000_000));
            int members = 1 + random.nextInt(6);
            for (int m = 0; m < members && written < rows; m++, written++) {
                boolean female = random.nextBoolean();
                LocalDate born = LocalDate.of(1935 + random.nextInt(85), 1 + random.nextInt(12), 1 + random.nextInt(28));
                family.append("H").append(household).append(';').append(familyName).append(' ')
                        .append(female ? "Thị" : MIDDLE[random.nextInt(MIDDLE.length)]).append(' ')
                        .append(GIVEN[random.nextInt(GIVEN.length)]).append(';')
                        .append(String.format("%02d/%02d/%d", born.getDayOfMonth(), born.getMonthValue(), born.getYear()))
                        .append(';').append(female ? "Nữ" : "Nam").append(';').append(m == 0 ? "Chủ hộ" : "Thành viên")
                        .append(';').append(commune).append(";Ấp ").append(1 + random.nextInt(9)).append(';')
                        .append(m == 0 ? phone : "").append(';').append(random.nextInt(4) == 0 ? "Hộ nghèo" : "").append('\n');
            }
            csv.append(family);
            if (earlier.size() < 10_000) {
                earlier.add(family.toString());
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
