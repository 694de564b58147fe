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
        Campaigns.Benefit benefit = campaign.benefit();
        List<Campaigns.Entitlement> known = new ArrayList<>();
        List<Campaigns.Entitlement> missing = new ArrayList<>();
        for (Campaigns.Entitlement entitlement : entitlements) {
            (cards.containsKey(entitlement.householdId()) ? known : missing).add(entitlement);
        }
        known.sort(Comparator.comparing((Campaigns.Entitlement e) -> cards.get(e.householdId()).hamlet(), SigningSheet::vietnamese)
                .thenComparing(e -> cards.get(e.householdId()).headName(), SigningSheet::vietnamese));
        List<Row> rows = new ArrayList<>();
        Campaigns.Share total = new Campaigns.Share(0, List.of(), 0);
        for (Campaigns.Entitlement entitlement : known) {
            HouseholdDirectory.HouseholdCard card = cards.get(entitlement.householdId());
            String address = card.address() == null ? "" : String.join(", ", nonBlank(card.address().street(), card.address().hamlet()));
            Campaigns.Share share = shareOf(entitlement, benefit);
            total = plus(total, share);
            rows.add(new Row(rows.size() + 1, card.headName(), address, card.members().size(), shareText(share, benefit, formats),
                    personsNote(share, benefit)));
        }
        // A household the registry no longer shows this office (moved away since) still gets its line.
        for (Campaigns.Entitlement entitlement : missing) {
            Campaigns.Share share = shareOf(entitlement, benefit);
            total = plus(total, share);
            rows.add(new Row(rows.size() + 1, "(" + entitlement.householdId() + ")", "", 0, shareText(share, benefit, formats),
                    "Không còn trong sổ của đơn vị"));
        }
        return new SigningSheet("ỦY BAN NHÂN DÂN " + unitName.toUpperCase(Locale.forLanguageTag("vi")),
                placeName(unitName) + ", ngày " + today.getDayOfMonth() + " tháng " + today.getMonthValue() + " năm " + today.getYear(),
                "DANH SÁCH KÝ NHẬN", campaign.name(), rows, benefitText(benefit, formats),
                formats.number(rows.size()) + " hộ" + (rows.isEmpty() ? "" : "; " + shareText(total, benefit, formats)));
    }

    /** What the entry receives: its own share, or the campaign's default for lists drawn before shares. */
    static Campaigns.Share shareOf(Campaigns.Entitlement entitlement, Campaigns.Benefit benefit) {
        if (entitlement.share() != null) {
            return entitlement.share();
        }
        long cash = benefit == null || benefit.cash() == null || benefit.cash().amountPerHousehold() == null ? 0
                : benefit.cash().amountPerHousehold();
        List<Campaigns.Quantity> goods = benefit == null ? List.of() : benefit.items().stream().map(item -> new Campaigns.Quantity(
                item.item(), item.quantityPerHousehold().movePointRight(3).longValue())).toList();
        return new Campaigns.Share(cash, goods, 0);
    }

    private static Campaigns.Share plus(Campaigns.Share sum, Campaigns.Share share) {
        List<Campaigns.Quantity> goods = new ArrayList<>();
        for (int i = 0; i < Math.max(sum.goods().size(), share.goods().size()); i++) {
            Campaigns.Quantity mine = i < sum.goods().size() ? sum.goods().get(i) : null;
            Campaigns.Quantity theirs = i < share.goods().size() ? share.goods().get(i) : null;
            goods.add(new Campaigns.Quantity(theirs != null ? theirs.item() : mine.item(),
                    (mine == null ? 0 : mine.thousandths()) + (theirs == null ? 0 : theirs.thousandths())));
        }
        return new Campaigns.Share(sum.cash() + share.cash(), goods, sum.persons() + share.persons());
    }

    /** "2.500.000 đ; Gạo 10 kg": a share's cash and goods, each item in the unit the campaign counts it in. */
    private static String shareText(Campaigns.Share share, Campaigns.Benefit benefit, Formats formats) {
        List<String> parts = new ArrayList<>();
        if (share.cash() > 0) {
            parts.add(formats.number(share.cash()) + " đ");
        }
        for (int i = 0; i < share.goods().size(); i++) {
            long thousandths = share.goods().get(i).thousandths();
            if (thousandths > 0) {
                String unit = benefit != null && i < benefit.items().size() ? benefit.items().get(i).unit() : "";
                parts.add(share.goods().get(i).item() + " " + formats.number(BigDecimal.valueOf(thousandths, 3).stripTrailingZeros())
                        + " " + unit);
            }
        }
        return String.join("; ", parts);
    }

    /** Paid per person: how many of the household's people the share counts, for the note column. */
    private static String personsNote(Campaigns.Share share, Campaigns.Benefit benefit) {
        return benefit != null && benefit.perPerson() && share.persons() > 0 ? share.persons() + " người thuộc đối tượng" : "";
    }

    /** "500.000 đ; Gạo 10 kg" — what one household receives by default (the sheet's heading line). */
    static String benefitText(Campaigns.Benefit benefit, Formats formats) {
        if (benefit == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (benefit.cash() != null && benefit.cash().amountPerHousehold() != null) {
            parts.add(formats.number(benefit.cash().amountPerHousehold()) + " đ");
        }
        benefit.items().forEach(goods -> parts.add(goods.item() + " " + formats.number(goods.quantityPerHousehold()) + " " + goods.unit()));
        if (!benefit.byKind().isEmpty()) {
            parts.add("theo đối tượng");
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
