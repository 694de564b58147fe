package vn.ansinh.donation.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import javax.imageio.ImageIO;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import tools.jackson.databind.JsonNode;
import vn.ansinh.donation.DonationServiceTest;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestTokens;

/**
 * Bank transfers that reconcile themselves: a fund's VietQR code puts its transfer code into every
 * donor's transfer; the office imports its bank's statement and each credit is recorded once, in the
 * fund its description names; what names no fund waits for an officer.
 */
class BankTransfersTest extends DonationServiceTest {

    static final String MAPPING = ApiClient.json(Map.of("date", "Ngày giao dịch", "credit", "Số tiền ghi có", "debit", "Số tiền ghi nợ",
            "reference", "Số tham chiếu", "description", "Nội dung chi tiết", "separator", ";"));

    final String cuChi = TestTokens.bearer(CU_CHI, "OFFICER");
    final String quan1 = TestTokens.bearer(QUAN_1, "OFFICER");

    @Test
    void aFundsVietQrCodeCarriesItsAccountAndTransferCodeAndIsOnThePublicStatement() throws Exception {
        String fundId = openFund(CU_CHI, "Quỹ cứu trợ Củ Chi");
        assertThat(api.get("/api/v1/funds/" + fundId + "/vietqr", cuChi).status()).as("no account yet").isEqualTo(404);

        JsonNode account = setAccount(cuChi, fundId, "0071001234567");
        String code = account.get("transferCode").asString();
        assertThat(code).matches("AS[2-9A-HJKMNP-Z]{6}");
        // Corrected later: the code stays, so posters already printed still work.
        JsonNode corrected = setAccount(cuChi, fundId, "0071001234568");
        assertThat(corrected.get("transferCode").asString()).isEqualTo(code);

        JsonNode qr = api.get("/api/v1/funds/" + fundId + "/vietqr?amount=500000", cuChi).json();
        assertThat(qr.get("payload").asString()).contains("0010A000000727").contains("0006970436").contains("01130071001234568")
                .contains("0208QRIBFTTA").contains("5406500000").contains("0808" + code);
        JsonNode statement = api.get("/api/v1/public/funds/" + fundId + "/statement", null).json();
        assertThat(statement.path("payment").path("transferCode").asString()).isEqualTo(code);
        assertThat(statement.path("payment").path("accountName").asString()).isEqualTo("UBMTTQ HUYEN CU CHI");
        String payload = statement.path("payment").path("vietQr").asString();
        assertThat(scan(publicPng(fundId))).as("the public image scans to the statement's code").isEqualTo(payload);

        // Another district neither sees nor changes it.
        assertThat(api.get("/api/v1/funds/" + fundId + "/bank-account", quan1).status()).isEqualTo(404);
        assertThat(api.send("PUT", "/api/v1/funds/" + fundId + "/bank-account", quan1, accountJson("0071009999999")).status())
                .isIn(403, 404);
        assertThat(api.get("/api/v1/funds/" + fundId + "/bank-account", cuChi).json().get("accountNumber").asString())
                .isEqualTo("0071001234568");
    }

    @Test
    void aBadAccountIsRefusedAndNothingIsStored() {
        String fundId = openFund(CU_CHI, "Quỹ thử tài khoản");

        ApiClient.Response refused = api.send("PUT", "/api/v1/funds/" + fundId + "/bank-account", cuChi, ApiClient.json(Map.of(
                "bankBin", "97043", "accountNumber", "007-100", "accountName", "")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("bankBin").contains("accountNumber").contains("accountName");
        assertThat(mongo.findById(fundId, Document.class, "fund_bank_accounts")).isNull();
    }

    @Test
    void aStatementRecordsEachCreditOnceInTheFundItNamesAndQueuesTheRest() {
        String relief = openFund(CU_CHI, "Quỹ cứu trợ lũ");
        String poor = openFund(CU_CHI, "Quỹ Vì người nghèo");
        String reliefCode = setAccount(cuChi, relief, "0071001111111").get("transferCode").asString();
        String poorCode = setAccount(cuChi, poor, "0071001111111").get("transferCode").asString();
        // The same transfer, already typed in by hand from the bank's SMS before the statement came.
        assertThat(donate(CU_CHI, relief, 3_000_000, "BANK", "FT21274005").status()).isLessThan(300);
        String statement = """
                SAO KÊ TÀI KHOẢN 0071001111111;;;;
                Từ ngày 01/10/2021 đến ngày 31/10/2021;;;;
                Ngày giao dịch;Số tham chiếu;Số tiền ghi nợ;Số tiền ghi có;Nội dung chi tiết
                01/10/2021 08:15:02;FT21274001;;1.500.000;NGUYEN VAN AN CHUYEN TIEN UNG HO %1$s
                01/10/2021 09:00:00;FT21274002;11.000;;PHI DICH VU SMS
                01/10/2021 10:30:00;FT21274003;;50.000.000;CTY XUAN PHAT ung ho quy vi nguoi ngheo %2$s
                01/10/2021 11:00:00;FT21274004;;700.000;ung ho dong bao mien Trung
                01/10/2021 11:30:00;FT21274005;;3.000.000;MBVCB.%1$s.ung ho
                02/10/2021;FT21275006;;hai triệu;sai so tien
                """.formatted(reliefCode, poorCode);

        JsonNode job = importStatement(cuChi, "VCB", MAPPING, statement).json();

        assertThat(job.get("rows").asInt()).isEqualTo(6);
        assertThat(job.get("credits").asInt()).isEqualTo(4);
        assertThat(job.get("debits").asInt()).isEqualTo(1);
        assertThat(job.get("recorded").asInt()).isEqualTo(2);
        assertThat(job.get("repeated").asInt()).as("the transfer already typed in by hand").isEqualTo(1);
        assertThat(job.get("unmatched").asInt()).isEqualTo(1);
        assertThat(job.get("refused").asInt()).isEqualTo(1);
        assertThat(job.get("errors").get(0).get("row").asInt()).isEqualTo(9);
        assertThat(received(relief)).isEqualTo(1_500_000 + 3_000_000);
        assertThat(received(poor)).isEqualTo(50_000_000);
        JsonNode ledger = api.get("/api/v1/funds/" + poor + "/ledger", cuChi).json().get("content");
        assertThat(ledger.get(0).get("channel").asString()).isEqualTo("BANK");
        assertThat(ledger.get(0).get("reference").asString()).isEqualTo("FT21274003");
        assertThat(api.get("/api/v1/bank-statements/" + job.get("id").asString(), cuChi).json().get("recorded").asInt()).isEqualTo(2);

        // The same statement again, without its mapping (kept for this bank): nothing counts twice.
        long entries = ledgerEntries();
        JsonNode again = importStatement(cuChi, "vcb", null, statement).json();
        assertThat(again.get("alreadyImported").asInt()).isEqualTo(4);
        assertThat(again.get("recorded").asInt() + again.get("unmatched").asInt() + again.get("repeated").asInt()).isZero();
        assertThat(ledgerEntries()).isEqualTo(entries);
        assertThat(received(relief)).isEqualTo(4_500_000);

        // The one that named no fund waits; Quận 1 does not see it.
        JsonNode waiting = api.get("/api/v1/bank-statements/unmatched", cuChi).json();
        JsonNode credit = only(waiting, "FT21274004");
        assertThat(credit.get("amount").asLong()).isEqualTo(700_000);
        assertThat(credit.get("description").asString()).isEqualTo("ung ho dong bao mien Trung");
        assertThat(api.get("/api/v1/bank-statements/unmatched", quan1).body()).doesNotContain("FT21274004");
    }

    @Test
    void aCampaignsAppealHasItsOwnCodeAndItsTransfersAreMeantForTheCampaign() throws Exception {
        String relief = openFund(CU_CHI, "Quỹ cứu trợ đồng bào miền Trung");
        setAccount(cuChi, relief, "0071004444444");
        String campaign = "lu-mien-trung-" + relief;
        ApiClient.Response opened = api.postJson("/api/v1/funds/" + relief + "/appeals", cuChi,
                ApiClient.json(Map.of("campaignId", campaign, "name", "Ủng hộ đồng bào lũ lụt miền Trung")));
        assertThat(opened.status()).isEqualTo(201);
        String code = opened.json().get("transferCode").asString();
        assertThat(api.postJson("/api/v1/funds/" + relief + "/appeals", cuChi, ApiClient.json(Map.of("campaignId", campaign,
                "name", "Lần nữa"))).json().get("transferCode").asString()).as("one appeal per fund and campaign").isEqualTo(code);
        assertThat(api.postJson("/api/v1/funds/" + relief + "/appeals", quan1, ApiClient.json(Map.of("campaignId", "x",
                "name", "Không phải quỹ của Quận 1"))).status()).isEqualTo(404);

        JsonNode payment = api.get("/api/v1/public/funds/" + relief + "/statement", null).json().get("payment");
        assertThat(payment.get("appeals").get(0).get("transferCode").asString()).isEqualTo(code);
        String appealPayload = payment.get("appeals").get(0).get("vietQr").asString();
        assertThat(appealPayload).contains("0808" + code).contains("01130071004444444");
        HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/public/funds/" + relief + "/appeals/" + code + "/vietqr?format=png")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(scan(png.body())).isEqualTo(appealPayload);

        importStatement(cuChi, "VCB-APPEAL", MAPPING, """
                Ngày giao dịch;Số tham chiếu;Số tiền ghi nợ;Số tiền ghi có;Nội dung chi tiết
                06/10/2021 07:00:00;FT21279001;;5.000.000;UNG HO MIEN TRUNG %s
                """.formatted(code));

        org.bson.Document entry = mongo.findOne(Query.query(Criteria.where("accountId").is(relief).and("reference").is("FT21279001")),
                org.bson.Document.class, "ledger_entries");
        assertThat(entry.getString("earmark")).isEqualTo(campaign);
        assertThat(received(relief)).isEqualTo(5_000_000L);
    }

    @Test
    void anOfficerAssignsAWaitingCreditOnceOrSetsItAsideAndBothAreAudited() {
        String relief = openFund(CU_CHI, "Quỹ cứu trợ bão");
        String quan1Fund = openFund(QUAN_1, "Quỹ Quận 1");
        setAccount(cuChi, relief, "0071002222222");
        String statement = """
                Ngày giao dịch;Số tham chiếu;Số tiền ghi nợ;Số tiền ghi có;Nội dung chi tiết
                03/10/2021 07:00:00;FT21276001;;2.000.000;ung ho bao lu
                03/10/2021 07:05:00;FT21276002;;12.345;LAI TIEN GUI
                """;
        importStatement(cuChi, "VCB-ASSIGN", MAPPING, statement);
        JsonNode waiting = api.get("/api/v1/bank-statements/unmatched?size=2000", cuChi).json();
        String gift = only(waiting, "FT21276001").get("id").asString();
        String interest = only(waiting, "FT21276002").get("id").asString();

        assertThat(assign(quan1, gift, quan1Fund).status()).as("another district's credit").isEqualTo(404);
        ApiClient.Response otherOffice = assign(TestTokens.bearer(HO_CHI_MINH_CITY, "OFFICER"), gift, quan1Fund);
        assertThat(otherOffice.status()).as("a fund of another office than the account's").isEqualTo(422);
        assertThat(otherOffice.body()).contains("bank-credit.other-office");

        ApiClient.Response assigned = assign(cuChi, gift, relief);
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.json().get("state").asString()).isEqualTo("RECORDED");
        assertThat(assigned.json().get("receiptNumber").asString()).isNotBlank();
        assertThat(received(relief)).isEqualTo(2_000_000);
        ApiClient.Response twice = assign(cuChi, gift, relief);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("bank-credit.settled");
        assertThat(received(relief)).isEqualTo(2_000_000);

        ApiClient.Response noReason = api.postJson("/api/v1/bank-statements/unmatched/" + interest + "/dismiss", cuChi, "{}");
        assertThat(noReason.status()).isEqualTo(400);
        ApiClient.Response dismissed = api.postJson("/api/v1/bank-statements/unmatched/" + interest + "/dismiss", cuChi,
                ApiClient.json(Map.of("reason", "Lãi tiền gửi của ngân hàng, không phải tiền ủng hộ")));
        assertThat(dismissed.json().get("state").asString()).isEqualTo("DISMISSED");
        assertThat(api.get("/api/v1/bank-statements/unmatched?size=2000", cuChi).body()).doesNotContain(gift).doesNotContain(interest);

        String auditor = TestTokens.bearer(CU_CHI, "AUDITOR");
        JsonNode trail = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/audit?subject=" + interest, auditor).json(),
                page -> page.path("totalElements").asLong() >= 1);
        assertThat(trail.toString()).contains("bank-credit.dismissed").contains("Lãi tiền gửi");
        JsonNode assignedTrail = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/audit?subject=" + gift, auditor)
                .json(), page -> page.path("totalElements").asLong() >= 2);
        assertThat(assignedTrail.toString()).contains("bank-credit.assigned").contains(relief);
    }

    @Test
    void aCreditACrashLeftHalfRecordedIsFinishedByTheNextImportOnce() {
        String relief = openFund(CU_CHI, "Quỹ cứu trợ sau sự cố");
        String code = setAccount(cuChi, relief, "0071003333333").get("transferCode").asString();
        String statement = """
                Ngày giao dịch;Số tham chiếu;Số tiền ghi nợ;Số tiền ghi có;Nội dung chi tiết
                04/10/2021 07:00:00;FT21277001;;900.000;ung ho %s
                """.formatted(code);
        // As if the service had died after claiming the credit and before writing its ledger entry.
        String creditId = BankCredit.idOf(CU_CHI, "VCB-CRASH", "FT21277001");
        mongo.insert(new Document("_id", creditId).append("officeUnitCode", CU_CHI).append("bank", "VCB-CRASH")
                .append("reference", "FT21277001").append("amount", 900_000L).append("state", "RECORDING").append("fundId", relief)
                .append("donationId", "crash-donation").append("version", 0L).append("outbox", java.util.List.of()), BankCredit.COLLECTION);
        assertThat(received(relief)).isZero();

        JsonNode finished = importStatement(cuChi, "VCB-CRASH", MAPPING, statement).json();
        JsonNode again = importStatement(cuChi, "VCB-CRASH", null, statement).json();

        assertThat(finished.get("recorded").asInt()).isEqualTo(1);
        assertThat(finished.get("alreadyImported").asInt()).as("finished now, so counted as recorded").isZero();
        assertThat(again.get("alreadyImported").asInt()).isEqualTo(1);
        assertThat(received(relief)).isEqualTo(900_000);
        Document credit = mongo.findById(creditId, Document.class, BankCredit.COLLECTION);
        assertThat(credit.getString("state")).isEqualTo("RECORDED");
        assertThat(credit.getString("donationId")).isEqualTo("crash-donation");
    }

    @Test
    void aStatementWithoutAMappingOrWithoutItsColumnsIsRefusedAndNothingIsStored() {
        long credits = mongo.count(new Query(), BankCredit.COLLECTION);
        String csv = "Ngày;Tiền;Ghi chú\n01/10/2021;100.000;x\n";

        ApiClient.Response noMapping = importStatement(cuChi, "NO-SUCH-BANK", null, csv);
        ApiClient.Response wrongColumns = importStatement(cuChi, "VCB-WRONG", MAPPING, csv);
        ApiClient.Response badMapping = importStatement(cuChi, "VCB-BAD", "{\"date\":\"Ngày\"}", csv);
        ApiClient.Response otherArea = api.postForm("/api/v1/bank-statements", cuChi,
                Map.of("bank", "VCB", "mapping", MAPPING, "officeUnitCode", QUAN_1), "q1.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(noMapping.status()).isEqualTo(400);
        assertThat(noMapping.body()).contains("mapping");
        assertThat(wrongColumns.status()).isEqualTo(400);
        assertThat(wrongColumns.body()).contains("file");
        assertThat(badMapping.status()).isEqualTo(400);
        assertThat(badMapping.body()).contains("mapping.reference").contains("mapping.description");
        assertThat(otherArea.status()).isEqualTo(403);
        assertThat(mongo.count(new Query(), BankCredit.COLLECTION)).isEqualTo(credits);
        assertThat(mongo.findById(CU_CHI + ":VCB-WRONG", Document.class, BankStatementImport.MAPPINGS))
                .as("a mapping that read nothing is not kept").isNull();
    }

    private JsonNode setAccount(String token, String fundId, String accountNumber) {
        ApiClient.Response set = api.send("PUT", "/api/v1/funds/" + fundId + "/bank-account", token, accountJson(accountNumber));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        return set.json();
    }

    private static String accountJson(String accountNumber) {
        return ApiClient.json(Map.of("bankBin", "970436", "bankName", "Vietcombank", "accountNumber", accountNumber,
                "accountName", "UBMTTQ HUYEN CU CHI"));
    }

    private ApiClient.Response importStatement(String token, String bank, String mapping, String csv) {
        Map<String, String> fields = mapping == null ? Map.of("bank", bank) : Map.of("bank", bank, "mapping", mapping);
        return api.postForm("/api/v1/bank-statements", token, fields, "saoke.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private ApiClient.Response assign(String token, String creditId, String fundId) {
        return api.postJson("/api/v1/bank-statements/unmatched/" + creditId + "/assign", token, ApiClient.json(Map.of("fundId", fundId)));
    }

    private long received(String fundId) {
        return api.get("/api/v1/funds/" + fundId, cuChi).json().get("received").asLong();
    }

    private static JsonNode only(JsonNode page, String reference) {
        for (JsonNode credit : page.get("content")) {
            if (credit.get("reference").asString().equals(reference)) {
                return credit;
            }
        }
        throw new AssertionError("no waiting credit " + reference + " in " + page);
    }

    private byte[] publicPng(String fundId) throws Exception {
        HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/public/funds/" + fundId + "/vietqr?format=png")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("content-type")).hasValue("image/png");
        return png.body();
    }

    private static String scan(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }
}
