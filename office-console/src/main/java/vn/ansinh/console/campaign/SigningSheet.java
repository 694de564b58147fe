package vn.ansinh.console.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import vn.ansinh.console.backend.HouseholdDirectory;
import vn.ansinh.console.web.Formats;

/**
 * The paper a commune signs when it hands out aid ("danh sách ký nhận"), as the office files it: the
 * issuing body and the national motto, the place and date, the title, one row per household in the
 * order field staff walk (by hamlet, then name), what each receives, a wide column to sign, a total
 * row, and the signature blocks at the foot. One model, written as a spreadsheet and as a PDF.
 */
record SigningSheet(String issuingBody, String placeAndDate, String title, String campaignName, List<Row> rows,
                    String benefitText, String totalText) {

    static final String MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO_LINE = "Độc lập - Tự do - Hạnh phúc";
    static final List<String> COLUMNS = List.of("STT", "Họ tên chủ hộ", "Địa chỉ", "Số nhân khẩu", "Hỗ trợ", "Ký nhận", "Ghi chú");
    static final List<String> SIGNATURES = List.of("Người lập biểu", "Kế toán", "Chủ tịch");

    record Row(int number, String headName, String address, int members, String benefit, String note) {
    }

    static SigningSheet of(Campaigns.Campaign campaign, String unitName, List<Campaigns.Entitlement> entitlements,
                           java.util.Map<String, HouseholdDirectory.HouseholdCard> cards, LocalDate today, Formats formats) {
        String benefit = benefitText(campaign.benefit(), formats);
        List<HouseholdDirectory.HouseholdCard> households = new ArrayList<>();
        List<Campaigns.Entitlement> missing = new ArrayList<>();
        for (Campaigns.Entitlement entitlement : entitlements) {
            HouseholdDirectory.HouseholdCard card = cards.get(entitlement.householdId());
            if (card == null) {
                missing.add(entitlement);
            } else {
                households.add(card);
            }
        }
        households.sort(Comparator.comparing(HouseholdDirectory.HouseholdCard::hamlet, SigningSheet::vietnamese)
                .thenComparing(HouseholdDirectory.HouseholdCard::headName, SigningSheet::vietnamese));
        List<Row> rows = new ArrayList<>();
        for (HouseholdDirectory.HouseholdCard card : households) {
            String address = card.address() == null ? "" : String.join(", ", nonBlank(card.address().street(), card.address().hamlet()));
            rows.add(new Row(rows.size() + 1, card.headName(), address, card.members().size(), benefit, ""));
        }
        // A household the registry no longer shows this office (moved away since) still gets its line.
        for (Campaigns.Entitlement entitlement : missing) {
            rows.add(new Row(rows.size() + 1, "(" + entitlement.householdId() + ")", "", 0, benefit, "Không còn trong sổ của đơn vị"));
        }
        return new SigningSheet("ỦY BAN NHÂN DÂN " + unitName.toUpperCase(Locale.forLanguageTag("vi")),
                placeName(unitName) + ", ngày " + today.getDayOfMonth() + " tháng " + today.getMonthValue() + " năm " + today.getYear(),
                "DANH SÁCH KÝ NHẬN", campaign.name(), rows, benefit, totalText(campaign.benefit(), rows.size(), formats));
    }

    /** "500.000 đ; Gạo 10 kg" — what one household receives. */
    static String benefitText(Campaigns.Benefit benefit, Formats formats) {
        if (benefit == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (benefit.cash() != null && benefit.cash().amountPerHousehold() != null) {
            parts.add(formats.number(benefit.cash().amountPerHousehold()) + " đ");
        }
        benefit.items().forEach(goods -> parts.add(goods.item() + " " + formats.number(goods.quantityPerHousehold()) + " " + goods.unit()));
        return String.join("; ", parts);
    }

    private static String totalText(Campaigns.Benefit benefit, int households, Formats formats) {
        List<String> parts = new ArrayList<>();
        parts.add(formats.number(households) + " hộ");
        if (benefit != null && benefit.cash() != null && benefit.cash().amountPerHousehold() != null) {
            parts.add(formats.number(benefit.cash().amountPerHousehold() * households) + " đ");
        }
        if (benefit != null) {
            benefit.items().forEach(goods -> parts.add(goods.item() + " "
                    + formats.number(goods.quantityPerHousehold().multiply(BigDecimal.valueOf(households))) + " " + goods.unit()));
        }
        return String.join("; ", parts);
    }

    /** "Xã Tân Thạnh Đông" → "Tân Thạnh Đông", as the date line names the place. */
    static String placeName(String unitName) {
        return unitName.replaceFirst("^(Xã|Phường|Thị trấn|Đặc khu|Quận|Huyện|Thị xã|Thành phố|Tỉnh)\\s+", "");
    }

    private static List<String> nonBlank(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                kept.add(part);
            }
        }
        return kept;
    }

    private static final java.text.Collator COLLATOR = java.text.Collator.getInstance(Locale.forLanguageTag("vi"));

    private static int vietnamese(String a, String b) {
        return COLLATOR.compare(a == null ? "" : a, b == null ? "" : b);
    }
}
