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
            new Campaigns.Benefit(new Campaigns.Cash("f1", 500_000L), List.of(new Campaigns.Goods("Gạo", "kg", new BigDecimal("10"), null)),
                    null, null),
            null, null, "ACTIVE", List.of(), 3, null, null, null, "c1", 1, null, 0);

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

    @Test
    void paidPerPersonByKindEachRowShowsItsOwnShareAndHowManyPeopleItCountsAndTheTotalAddsTheShares() {
        Campaigns.Campaign perPerson = new Campaigns.Campaign("c2", "Hỗ trợ theo Nghị quyết 09", "760", List.of("26761"), List.of(),
                List.of(), new Campaigns.Benefit(new Campaigns.Cash("f1", null), List.of(), "PERSON",
                List.of(new Campaigns.KindRate("LOTTERY_SELLER", 1_500_000L), new Campaigns.KindRate("LOST_INCOME_WORKER", 1_000_000L))),
                null, null, "ACTIVE", List.of(), 2, null, null, null, "c2", 3, "c1", 3);
        Campaigns.Entitlement seller = new Campaigns.Entitlement("e-a", "c2", "a", "26761", "26761", true, false, List.of(),
                new Campaigns.Share(2_500_000L, List.of(), 2));
        Campaigns.Entitlement worker = new Campaigns.Entitlement("e-b", "c2", "b", "26761", "26761", true, false, List.of(),
                new Campaigns.Share(1_000_000L, List.of(), 1));

        SigningSheet sheet = SigningSheet.of(perPerson, "Phường Cầu Kho", List.of(seller, worker),
                Map.of("a", card("a", "Trần Văn Ba", "Khu phố 1"), "b", card("b", "Lê Thị Ánh", "Khu phố 1")),
                LocalDate.of(2022, 3, 10), new Formats());

        assertThat(sheet.rows()).extracting(SigningSheet.Row::benefit).containsExactly("1.000.000 đ", "2.500.000 đ");
        assertThat(sheet.rows()).extracting(SigningSheet.Row::note).containsExactly("1 người thuộc đối tượng", "2 người thuộc đối tượng");
        assertThat(sheet.totalText()).isEqualTo("2 hộ; 3.500.000 đ");
    }

    private static Campaigns.Entitlement entitlement(String householdId) {
        return new Campaigns.Entitlement("e-" + householdId, "c1", householdId, "27547", "27547", true, false, List.of(), null);
    }

    private static HouseholdDirectory.HouseholdCard card(String id, String head, String hamlet) {
        return new HouseholdDirectory.HouseholdCard(id, head, new HouseholdDirectory.Address("27547", hamlet, null), null,
                List.of(new HouseholdDirectory.Member(head, LocalDate.of(1970, 1, 1), "MALE", null, "HEAD")), "POOR", true);
    }
}
