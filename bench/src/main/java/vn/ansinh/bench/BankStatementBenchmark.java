package vn.ansinh.bench;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * A bank's statement for a crisis month into one fund, on the embedded broker and wire server: rows of a
 * Vietnamese bank's export (a preamble, semicolons, "1.500.000" amounts), nine in ten carrying the fund's
 * transfer code, one in ten none; imported once (every credit recorded or queued) and again (nothing
 * recorded twice). Prints credits per second for each.
 * Usage: {@code java -cp bench-exec.jar -Dloader.main=vn.ansinh.bench.BankStatementBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [rows]} (default 100,000).
 */
public final class BankStatementBenchmark {

    private BankStatementBenchmark() {
    }

    public static void main(String[] args) {
        ExitingMain.run(arguments -> run(arguments.length > 0 ? Integer.parseInt(arguments[0]) : 100_000), args);
    }

    private static void run(int rows) throws Exception {
        ConfigurableApplicationContext service = EmbeddedDonationService.start("bench-bank");
        ApiClient api = new ApiClient("http://localhost:" + service.getEnvironment().getProperty("local.server.port"));
        String office = TestTokens.bearer("783", "OFFICER");
        TestEvents.publishDemoUnits();
        await().atMost(Duration.ofMinutes(1)).until(() -> api.postJson("/api/v1/funds", office,
                "{\"name\":\"probe\",\"officeUnitCode\":\"783\"}").status() == 201);
        String fundId = api.postJson("/api/v1/funds", office, "{\"name\":\"Quỹ cứu trợ\",\"officeUnitCode\":\"783\"}").json()
                .get("id").asString();
        String code = api.send("PUT", "/api/v1/funds/" + fundId + "/bank-account", office, ApiClient.json(Map.of("bankBin", "970436",
                "accountNumber", "0071001234567", "accountName", "UBMTTQ HUYEN CU CHI"))).json().get("transferCode").asString();
        StringBuilder csv = new StringBuilder("SAO KÊ TÀI KHOẢN 0071001234567;;;;\nNgày giao dịch;Số tham chiếu;Số tiền ghi nợ;Số tiền ghi có;Nội dung\n");
        for (int row = 0; row < rows; row++) {
            csv.append("0").append(1 + row % 9).append("/10/2021 08:").append(10 + row % 50).append(":00;FT21").append(String.format("%08d", row))
                    .append(";;").append(String.format("%,d", 50_000 + (row % 40) * 25_000).replace(',', '.')).append(";NGUYEN VAN AN ")
                    .append(row % 10 == 0 ? "UNG HO DONG BAO" : "UNG HO " + code).append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        String mapping = ApiClient.json(Map.of("date", "Ngày giao dịch", "credit", "Số tiền ghi có", "debit", "Số tiền ghi nợ",
                "reference", "Số tham chiếu", "description", "Nội dung", "separator", ";"));
        ApiClient slow = new ApiClient("http://localhost:" + service.getEnvironment().getProperty("local.server.port"), Duration.ofMinutes(30));
        for (String run : new String[] {"first import", "the same statement again"}) {
            long started = System.nanoTime();
            ApiClient.Response answer = slow.postForm("/api/v1/bank-statements", office, Map.of("bank", "VCB", "mapping", mapping),
                    "saoke.csv", file);
            double seconds = (System.nanoTime() - started) / 1e9;
            JsonNode job = answer.json();
            System.out.printf("Bank statement, %s: %,d rows (%.1f MB) in %.1f s = %,.0f credits/s; recorded %d, waiting %d, already imported %d%n",
                    run, rows, file.length / 1e6, seconds, rows / seconds, job.path("recorded").asInt(), job.path("unmatched").asInt(),
                    job.path("alreadyImported").asInt());
        }
        service.close();
    }
}
