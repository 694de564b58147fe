package vn.ansinh.reporting.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.ansinh.reporting.figures.AreaFigures;
import vn.ansinh.reporting.figures.GoodsLine;
import vn.ansinh.reporting.figures.PovertyTargets;
import vn.ansinh.reporting.figures.UnitFigures;
import vn.ansinh.reporting.house.HouseReport;

/**
 * The upward report as a table, one row per unit below and a total row: households, poor and
 * near-poor, the rates over the unit's statistics against its target, then aid by kind with quantity and value, received and handed over. Cells
 * are strings or numbers so that CSV and XLSX write the same thing.
 */
record ReportTable(List<String> headers, List<List<Object>> rows) {

    public static final String TOTAL_LABEL = "Tổng cộng";
    /** A figure whose statistics were not entered: shown as missing, never as 0 % or 100 %. */
    static final String MISSING = "Chưa có số liệu";
    static final String NO_TARGET = "Chưa giao chỉ tiêu";

    public static ReportTable of(AreaFigures area) {
        return of(area, null);
    }

    /**
     * @param houses the houses of the same area and year, added as the last columns ("houses built or repaired
     *               for poor households"); null leaves them out
     */
    public static ReportTable of(AreaFigures area, HouseReport houses) {
        Map<String, GoodsLine> receivedItems = itemsOf(area.total().inKindReceived());
        Map<String, GoodsLine> deliveredItems = itemsOf(area.total().goodsDelivered());
        List<String> headers = new ArrayList<>(List.of("Mã đơn vị", "Đơn vị", "Số hộ trong danh sách quản lý", "Hộ nghèo",
                "Hộ cận nghèo", "Tổng số hộ của đơn vị (thống kê năm " + area.total().year() + ")",
                "Tỷ lệ hộ nghèo (%)", "Tỷ lệ hộ cận nghèo (%)", "Tỷ lệ hộ nghèo và cận nghèo (%)", "Hộ nghèo DTTS",
                "Số hộ DTTS (thống kê)", "Tỷ lệ hộ nghèo DTTS (%)", "Hộ mới thoát nghèo", "Chỉ tiêu tỷ lệ hộ nghèo (%)",
                "Chênh lệch so với chỉ tiêu (điểm %)", "Tiền mặt nhận (đồng)", "Số lượt ủng hộ tiền",
                "Hiện vật nhận - giá trị ước tính (đồng)"));
        receivedItems.values().forEach(item -> {
            headers.add(label(item) + " nhận - số lượng");
            headers.add(label(item) + " nhận - giá trị (đồng)");
        });
        headers.addAll(List.of("Hộ được duyệt", "Hộ đã nhận", "Tỷ lệ bao phủ (%)", "Tiền mặt đã trao (đồng)"));
        deliveredItems.values().forEach(item -> {
            headers.add(label(item) + " đã trao - số lượng");
            headers.add(label(item) + " đã trao - giá trị ước tính (đồng)");
        });
        List<List<Object>> rows = new ArrayList<>();
        area.rows().forEach(row -> rows.add(row(row, row.unitCode(), row.unitName(), receivedItems, deliveredItems)));
        rows.add(row(area.total(), area.total().unitCode(), TOTAL_LABEL + " " + area.total().unitName(), receivedItems,
                deliveredItems));
        if (houses != null) {
            headers.addAll(HOUSE_HEADERS);
            Map<String, HouseReport.UnitHouses> housesByUnit = new LinkedHashMap<>();
            houses.units().forEach(row -> housesByUnit.put(row.unitCode(), row));
            for (int i = 0; i < area.rows().size(); i++) {
                rows.get(i).addAll(houseCells(housesByUnit.get(area.rows().get(i).unitCode())));
            }
            rows.get(rows.size() - 1).addAll(houseCells(houses.total()));
        }
        return new ReportTable(List.copyOf(headers), rows);
    }

    private static List<Object> row(UnitFigures figures, String code, String name, Map<String, GoodsLine> receivedItems,
                                    Map<String, GoodsLine> deliveredItems) {
        PovertyTargets targets = figures.targets();
        List<Object> cells = new ArrayList<>(List.of(code, name, figures.households(), figures.poorHouseholds(),
                figures.nearPoorHouseholds(), orMissing(figures.totalHouseholds()), orMissing(figures.poorRatePercent()),
                orMissing(figures.nearPoorRatePercent()), orMissing(figures.povertyRatePercent()), figures.ethnicMinorityPoorHouseholds(),
                orMissing(figures.ethnicMinorityHouseholds()), orMissing(figures.ethnicMinorityPoorRatePercent()),
                figures.recentlyEscapedHouseholds(), targets == null ? NO_TARGET : orMissing(targets.poorRatePercent()),
                targets == null ? NO_TARGET : orMissing(targets.poorRateGapPoints()), figures.cashReceived(),
                figures.cashDonations(), figures.inKindValue()));
        Map<String, GoodsLine> received = itemsOf(figures.inKindReceived());
        receivedItems.keySet().forEach(key -> {
            GoodsLine line = received.get(key);
            cells.add(line == null ? BigDecimal.ZERO : line.quantity());
            cells.add(line == null ? 0L : line.value());
        });
        cells.addAll(List.of(figures.approvedHouseholds(), figures.deliveredHouseholds(),
                BigDecimal.valueOf(figures.coveragePercent()), figures.cashDelivered()));
        Map<String, GoodsLine> delivered = itemsOf(figures.goodsDelivered());
        deliveredItems.keySet().forEach(key -> {
            GoodsLine line = delivered.get(key);
            cells.add(line == null ? BigDecimal.ZERO : line.quantity());
            cells.add(line == null ? 0L : line.value());
        });
        return cells;
    }

    private static final List<String> HOUSE_HEADERS = List.of("Nhà xây mới đã bàn giao", "Nhà sửa chữa đã bàn giao",
            "Kinh phí nhà đã bàn giao (đồng)", "Nhà đang thực hiện");

    private static List<Object> houseCells(HouseReport.UnitHouses houses) {
        return houses == null ? List.of(0L, 0L, 0L, 0L) : List.of(houses.built(), houses.repaired(), houses.cost(), houses.underway());
    }

    private static Object orMissing(Object figure) {
        return figure == null ? MISSING : figure;
    }

    private static Map<String, GoodsLine> itemsOf(List<GoodsLine> lines) {
        Map<String, GoodsLine> items = new LinkedHashMap<>();
        lines.forEach(line -> items.put(line.item() + "|" + line.unit(), line));
        return items;
    }

    private static String label(GoodsLine item) {
        return item.unit() == null || item.unit().isBlank() ? item.item() : item.item() + " (" + item.unit() + ")";
    }
}
