package vn.ansinh.console.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.ansinh.console.backend.HouseholdDirectory;
import vn.ansinh.console.web.Formats;

/** The signing sheet as the office signs it: header, walking order, what each receives, totals. */
class SigningSheetTest {

    final Campaigns.Campaign campaign = new Campaigns.Campaign("c1", "Quà Tết 2027", "783", List.of("27547"), List.of(), List.of(),
            new Campaigns.Benefit(new Campaigns.Cash("f1", 500_000L), List.of(new Campaigns.Goods("Gạo", "kg", new BigDecimal("10"), null))),
            null, null, "ACTIVE", List.of(), 3, null, null, null);

    @Test
    void rowsFollowTheHamletsThenTheNamesAndTheTotalAddsUp() throws Exception {
        SigningSheet sheet = SigningSheet.of(campaign, "Xã Tân Thạnh Đông",
                List.of(entitlement("a"), entitlement("b"), entitlement("c"), entitlement("gone")),
                Map.of("a", card("a", "Trần Văn Ba", "Ấp 2"), "b", card("b", "Lê Thị Ánh", "Ấp 1"), "c", card("c", "Đỗ Văn Bé", "Ấp 2")),
                LocalDate.of(2027, 1, 20), new Formats());

        assertThat(sheet.issuingBody()).isEqualTo("ỦY BAN NHÂN DÂN XÃ TÂN THẠNH ĐÔNG");
        assertThat(sheet.placeAndDate()).isEqualTo("Tân Thạnh Đông, ngày 20 tháng 1 năm 2027");
        assertThat(sheet.rows()).extracting(SigningSheet.Row::headName)
                .containsExactly("Lê Thị Ánh", "Đỗ Văn Bé", "Trần Văn Ba", "(gone)");
        assertThat(sheet.rows().get(0).benefit()).isEqualTo("500.000 đ; Gạo 10 kg");
        assertThat(sheet.rows().get(3).note()).as("a household no longer on the office's registry keeps its line")
                .isEqualTo("Không còn trong sổ của đơn vị");
        assertThat(sheet.totalText()).isEqualTo("4 hộ; 2.000.000 đ; Gạo 40 kg");

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        SigningSheetFiles.writeXlsx(sheet, xlsx);
        assertThat(xlsx.toByteArray()).startsWith('P', 'K');
        byte[] pdf = SigningSheetFiles.pdf(sheet);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    private static Campaigns.Entitlement entitlement(String householdId) {
        return new Campaigns.Entitlement("e-" + householdId, "c1", householdId, "27547", "27547", true, false, List.of());
    }

    private static HouseholdDirectory.HouseholdCard card(String id, String head, String hamlet) {
        return new HouseholdDirectory.HouseholdCard(id, head, new HouseholdDirectory.Address("27547", hamlet, null), null,
                List.of(new HouseholdDirectory.Member(head, LocalDate.of(1970, 1, 1), "MALE", null, "HEAD")), "POOR", true);
    }
}
