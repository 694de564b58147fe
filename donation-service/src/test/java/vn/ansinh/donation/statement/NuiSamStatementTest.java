package vn.ansinh.donation.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import vn.ansinh.donation.DonationServiceTest;
import vn.ansinh.donation.fund.Fund;
import vn.ansinh.donation.ledger.Ledger;
import vn.ansinh.donation.ledger.Movement;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * The seeds' Núi Sam ward, 2024: the "For the Poor" fund raised 624,845,000 VND and spent
 * 100,000,000 on two houses, 416,845,000 on 1,507 gifts and 50,752,000 on 93 health-insurance
 * cards. The public statement must say exactly that, and nothing about anyone's phone or ID.
 */
public class NuiSamStatementTest extends DonationServiceTest {

    public static final String NUI_SAM = "30325";

    @Autowired
    Ledger ledger;

    /** Núi Sam ward under Châu Đốc city, An Giang, as the registry tells it. */
    @BeforeAll
    public static void nuiSam() {
        TestEvents.publishUnit("89", "Tỉnh An Giang", "PROVINCE", null);
        TestEvents.publishUnit("884", "Thành phố Châu Đốc", "DISTRICT", "89");
        TestEvents.publishUnit(NUI_SAM, "Phường Núi Sam", "COMMUNE", "884");
    }

    @Test
    void theForThePoorFundStatementReconcilesWithTheLedgerToTheLastDong() {
        String ward = TestTokens.bearer(NUI_SAM, "OFFICER", "APPROVER");
        await().atMost(Duration.ofSeconds(20)).until(() -> directory.isWithin(NUI_SAM, "89"));
        String fundId = openFund(NUI_SAM, "Quỹ Vì người nghèo phường Núi Sam");
        String company = donor(ward, Map.of("name", "Công ty TNHH Xuân Phát", "kind", "BUSINESS", "taxCode", "1600123456"));
        String grandmother = donor(ward, Map.of("name", "Nguyễn Thị Bảy", "kind", "INDIVIDUAL", "phone", "0912345678"));
        String pagoda = donor(ward, Map.of("name", "Chùa Tây An", "kind", "RELIGIOUS"));
        String unnamed = donor(ward, Map.of("kind", "ANONYMOUS"));
        give(ward, fundId, company, 300_000_000L, "BANK", "VCB-NS-0001");
        give(ward, fundId, company, 300_000_000L, "BANK", "VCB-NS-0001"); // the bank sent its notification twice
        give(ward, fundId, grandmother, 24_845_000L, "CASH", null);
        give(ward, fundId, pagoda, 200_000_000L, "QR", "QR-NS-7781");
        give(ward, fundId, unnamed, 100_000_000L, "CASH", null);

        disburse(ward, fundId, 50_000_000L, "Nhà Đại đoàn kết hộ ông Tư, khóm Mỹ Thành", "UNC-01", "Xây nhà Đại đoàn kết");
        disburse(ward, fundId, 50_000_000L, "Nhà Đại đoàn kết hộ bà Năm, khóm Vĩnh Đông 1", "UNC-02", null);
        disburse(ward, fundId, 50_752_000L, "93 thẻ bảo hiểm y tế", "UNC-03", "93 thẻ bảo hiểm y tế");
        Fund fund = mongo.findById(fundId, Fund.class);
        ledger.record(fund.account(), Movement.reserved("qua-tet-2024", fundId, 416_845_000L, "1.507 phần quà Tết"));
        for (int gift = 1; gift <= 1_507; gift++) {
            long value = gift < 1_507 ? 276_605L : 416_845_000L - 1_506 * 276_605L;
            ledger.record(fund.account(), Movement.spentOnDelivery("qua-tet-2024", "qua-tet-2024-" + gift, fundId, value, "Quà Tết"));
        }

        ApiClient.Response published = api.get("/api/v1/public/funds/" + fundId + "/statement", null);

        assertThat(published.status()).isEqualTo(200);
        JsonNode statement = published.json();
        JsonNode figures = api.get("/api/v1/funds/" + fundId, ward).json();
        assertThat(statement.get("moneyIn").asLong()).isEqualTo(624_845_000L);
        assertThat(statement.get("moneyOut").asLong()).isEqualTo(100_000_000L + 416_845_000L + 50_752_000L);
        assertThat(statement.get("closingBalance").asLong()).isEqualTo(57_248_000L).isEqualTo(figures.get("balance").asLong());
        assertThat(figures.get("received").asLong()).isEqualTo(624_845_000L);
        assertThat(figures.get("spent").asLong()).isEqualTo(567_597_000L);
        assertThat(figures.get("reserved").asLong()).isZero();
        long gifts = 0;
        int giftLines = 0;
        for (JsonNode line : statement.get("lines")) {
            if ("qua-tet-2024".equals(line.path("campaignId").asString(""))) {
                gifts += line.get("amount").asLong();
                giftLines++;
            }
        }
        assertThat(giftLines).isEqualTo(1_507);
        assertThat(gifts).isEqualTo(416_845_000L);
        assertThat(statement.get("days").get(0).get("moneyIn").asLong()).isEqualTo(624_845_000L);
        // An anonymous reader gets the lines a page at a time; the figures are the whole period's.
        JsonNode firstPage = api.get("/api/v1/public/funds/" + fundId + "/statement?size=10", null).json();
        assertThat(firstPage.get("lines")).hasSize(10);
        assertThat(firstPage.get("totalLines").asLong()).isEqualTo(statement.get("totalLines").asLong()).isEqualTo(4 + 3 + 1_507);
        assertThat(firstPage.get("last").asBoolean()).isFalse();
        assertThat(firstPage.get("closingBalance").asLong()).isEqualTo(57_248_000L);
        assertThat(api.get("/api/v1/public/funds/" + fundId + "/statement?size=100000", null).status()).isEqualTo(400);
        assertThat(published.body()).contains("Công ty TNHH Xuân Phát", "N.T.B.", "Chùa Tây An", "Nhà hảo tâm giấu tên")
                .doesNotContain("Nguyễn Thị Bảy", "0912345678", "1600123456");
        // The descriptions officers typed for their books stay there; the public reads what the ward chose to publish.
        assertThat(published.body()).doesNotContain("ông Tư", "bà Năm", "khóm Mỹ Thành")
                .contains("Xây nhà Đại đoàn kết", "93 thẻ bảo hiểm y tế", "Chi hỗ trợ trực tiếp");
        // No phone number, no citizen id: looked for outside the statement's own ids (a UUID's last group can be twelve digits).
        String withoutIds = published.body().replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "");
        assertThat(withoutIds).doesNotContainPattern("\\b0[35789][0-9]{8}\\b").doesNotContainPattern("\\b[0-9]{12}\\b");
    }

    private String donor(String token, Map<String, Object> donor) {
        ApiClient.Response created = api.postJson("/api/v1/donors", token, ApiClient.json(donor));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void give(String token, String fundId, String donorId, long amount, String channel, String reference) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("fundId", fundId, "donorId", donorId, "amount", amount,
                "channel", channel));
        if (reference != null) {
            body.put("reference", reference);
        }
        assertThat(api.postJson("/api/v1/donations", token, ApiClient.json(body)).status()).isEqualTo(202);
    }

    private void disburse(String token, String fundId, long amount, String description, String reference, String published) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("amount", amount, "description", description, "reference", reference));
        if (published != null) {
            body.put("publicDescription", published);
        }
        ApiClient.Response paid = api.postJson("/api/v1/funds/" + fundId + "/disbursements", token, ApiClient.json(body));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    }
}
