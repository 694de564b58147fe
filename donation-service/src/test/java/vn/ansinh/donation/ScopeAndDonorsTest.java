package vn.ansinh.donation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestTokens;

/** Each office manages its own funds and stock; auditors read everything and change nothing; donors' details stay home. */
class ScopeAndDonorsTest extends DonationServiceTest {

    @Test
    void anAuditorReadsItsOwnAreasFundsAndStockButNoOtherOfficesAndChangesNothing() {
        String fundId = openFund("783", "Quỹ Vì người nghèo Củ Chi");
        donate("783", fundId, 2_000_000L, "CASH", null);
        String cityAuditor = TestTokens.bearer("79", "AUDITOR");
        String nationalAuditor = TestTokens.bearer("VN", "AUDITOR");
        String auditorInQuan1 = TestTokens.bearer("760", "AUDITOR");
        String quan1Officer = TestTokens.bearer("760", "OFFICER", "APPROVER");

        assertThat(api.get("/api/v1/funds/" + fundId, cityAuditor).json().get("received").asLong()).isEqualTo(2_000_000L);
        assertThat(api.get("/api/v1/funds/" + fundId + "/ledger", cityAuditor).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/stock?officeUnitCode=783", cityAuditor).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/funds/" + fundId, nationalAuditor).status()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/donations", cityAuditor, ApiClient.json(Map.of("fundId", fundId, "amount", 1_000,
                "channel", "CASH"))).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/funds/" + fundId, auditorInQuan1).status()).as("another district's auditor").isEqualTo(404);
        assertThat(api.get("/api/v1/funds/" + fundId + "/ledger", auditorInQuan1).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/stock?officeUnitCode=783", auditorInQuan1).status()).isEqualTo(403);

        assertThat(api.get("/api/v1/funds/" + fundId, quan1Officer).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/stock?officeUnitCode=783", quan1Officer).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/funds/" + fundId + "/disbursements", TestTokens.bearer("27547", "OFFICER"),
                ApiClient.json(Map.of("amount", 1_000, "description", "x"))).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/funds/" + fundId, TestTokens.bearer("783", "OFFICER")).json().get("received").asLong())
                .isEqualTo(2_000_000L);
    }

    @Test
    void aDonorIsShownAsTheyChoseAndTheirPhoneStaysWithTheirOffice() {
        String cuChi = TestTokens.bearer("783", "OFFICER");
        ApiClient.Response created = api.postJson("/api/v1/donors", cuChi, ApiClient.json(Map.of(
                "name", "Trần Văn Phúc", "kind", "INDIVIDUAL", "phone", "0903123456")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("publicName").asString()).isEqualTo("T.V.P.");
        String donorId = created.json().get("id").asString();
        assertThat(api.get("/api/v1/donors/" + donorId, cuChi).json().get("phone").asString()).isEqualTo("0903123456");
        assertThat(api.get("/api/v1/donors/" + donorId, TestTokens.bearer("760", "OFFICER")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/donors/" + donorId, TestTokens.bearer("760", "AUDITOR")).status()).isEqualTo(404);
        var readAbove = api.get("/api/v1/donors/" + donorId, TestTokens.bearer("79", "AUDITOR"));
        assertThat(readAbove.status()).isEqualTo(200);
        assertThat(readAbove.body()).as("the city reads the donor, not their phone").doesNotContain("0903123456");
        assertThat(api.postJson("/api/v1/donors", cuChi, ApiClient.json(Map.of("kind", "BUSINESS", "name", "Công ty Cổ phần Hòa Bình",
                "display", "ANONYMOUS"))).json().get("publicName").asString()).isEqualTo("Nhà hảo tâm giấu tên");
    }

    @Test
    void badDonorsAreRefusedAndNothingIsStored() {
        String cuChi = TestTokens.bearer("783", "OFFICER");
        long donors = mongo.count(new Query(), "donors");

        for (String body : new String[] {
                "{\"name\":\"Lê Văn Tám\"}",
                "{\"kind\":\"INDIVIDUAL\"}",
                "{\"name\":\"Lê Văn Tám\",\"kind\":\"INDIVIDUAL\",\"phone\":\"12345\"}",
                "{\"name\":\"Lê Văn Tám\",\"kind\":\"KING\"}",
                "{\"name\":\"Công ty X\",\"kind\":\"BUSINESS\",\"taxCode\":\"abc\"}"}) {
            ApiClient.Response refused = api.postJson("/api/v1/donors", cuChi, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(mongo.count(new Query(), "donors")).isEqualTo(donors);
    }
}
