package vn.ansinh.donation.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.ansinh.donation.DonationServiceTest;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestTokens;

/**
 * The lists an office works from — its funds, its donors, the donations it took in — each paged and
 * scoped to the office's area, and a donation with the receipt the giver takes home.
 */
class DonationListsTest extends DonationServiceTest {

    final String cuChi = TestTokens.bearer("783", "OFFICER", "APPROVER");
    final String tanThanhDong = TestTokens.bearer("27547", "OFFICER");
    final String quan1 = TestTokens.bearer("760", "OFFICER");

    @Test
    void fundsDonorsAndDonationsAreListedForTheOfficesAreaOnly() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String districtFund = openFund("783", "Quỹ Vì người nghèo " + tag);
        String communeFund = openFund("27547", "Quỹ xã Tân Thạnh Đông " + tag);
        String quan1Fund = openFund("760", "Quỹ Quận 1 " + tag);
        String donor = api.postJson("/api/v1/donors", cuChi, ApiClient.json(Map.of("name", "Nguyễn Thị Bảy " + tag, "kind", "INDIVIDUAL",
                "phone", "0912345678"))).json().get("id").asString();
        ApiClient.Response given = api.postJson("/api/v1/donations", cuChi, ApiClient.json(Map.of("fundId", districtFund, "donorId", donor,
                "amount", 5_000_000, "channel", "CASH")));
        donate("27547", communeFund, 1_250_500L, "CASH", null);
        donate("760", quan1Fund, 7_000_000L, "CASH", null);
        api.postJson("/api/v1/donations", tanThanhDong, ApiClient.json(Map.of("officeUnitCode", "27547", "items",
                List.of(Map.of("item", "Gạo " + tag, "unit", "kg", "quantity", 12.5, "estimatedValue", 250_000)))));

        assertThat(ids(api.get("/api/v1/funds?size=2000", cuChi).json())).contains(districtFund, communeFund).doesNotContain(quan1Fund);
        assertThat(ids(api.get("/api/v1/funds?size=2000", tanThanhDong).json())).contains(communeFund).doesNotContain(districtFund);
        assertThat(api.get("/api/v1/funds?officeUnitCode=760", cuChi).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/donors?q=" + java.net.URLEncoder.encode("nguyen thi bay " + tag, java.nio.charset.StandardCharsets.UTF_8), cuChi).json().get("content")).singleElement()
                .satisfies(d -> assertThat(d.get("id").asString()).isEqualTo(donor));
        assertThat(api.get("/api/v1/donors?q=" + tag, quan1).json().get("totalElements").asLong()).isZero();

        JsonNode ofFund = api.get("/api/v1/donations?fundId=" + districtFund, cuChi).json();
        assertThat(ofFund.get("totalElements").asLong()).isEqualTo(1);
        assertThat(ofFund.get("content").get(0).get("amount").asLong()).isEqualTo(5_000_000L);
        assertThat(ids(api.get("/api/v1/donations?size=2000", cuChi).json()))
                .as("cash of the district's and its communes' funds").contains(given.json().get("id").asString());
        assertThat(api.get("/api/v1/donations?fundId=" + districtFund, quan1).status()).isEqualTo(404);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(api.get("/api/v1/donations?fundId=" + districtFund + "&from=" + today.plusDays(1), cuChi).json()
                .get("totalElements").asLong()).isZero();
        assertThat(api.get("/api/v1/donations?fundId=" + districtFund + "&from=" + today + "&to=" + today, cuChi).json()
                .get("totalElements").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/donations?fundId=" + districtFund + "&from=" + today + "&to=" + today.minusDays(3), cuChi).status())
                .isEqualTo(422);
        JsonNode goods = api.get("/api/v1/donations?kind=GOODS&size=2000", tanThanhDong).json();
        assertThat(goods.get("content").toString()).contains("Gạo " + tag).contains("12.5");

        JsonNode donation = api.get("/api/v1/donations/" + given.json().get("id").asString(), cuChi).json();
        JsonNode receipt = donation.get("receipt");
        assertThat(receipt.get("number").asString()).isEqualTo(given.json().get("receiptNumber").asString());
        assertThat(receipt.get("giver").asString()).isEqualTo("Nguyễn Thị Bảy " + tag);
        assertThat(receipt.get("amountInWords").asString()).isEqualTo("Năm triệu đồng chẵn");
        assertThat(receipt.get("date").asString()).matches("\\d{2}/\\d{2}/\\d{4}");
        assertThat(api.get("/api/v1/donations/" + given.json().get("id").asString(), quan1).status()).isEqualTo(404);
        JsonNode readByCity = api.get("/api/v1/donations/" + given.json().get("id").asString(), TestTokens.bearer("79", "AUDITOR")).json();
        assertThat(readByCity.get("receipt").get("giver").asString()).as("the giver as they chose to be shown").startsWith("N.T.B.")
                .doesNotContain("Nguyễn");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
