package vn.ansinh.console.fund;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import vn.ansinh.console.web.Formats;
import vn.ansinh.console.web.PageText;

/**
 * A gift's trace as the page shows it: each part (money into a fund, goods of an item) with one row per
 * campaign and commune it reached, what was paid directly, and what is left, every figure already in
 * Vietnamese form. Built from donation-service's trace, so the page itself only lays it out.
 */
record GiftTraceView(String receiptNumber, String donor, String receivedOn, String office, List<Part> parts) {

    record Part(String title, List<Row> rows, List<String> direct, String left, boolean nothingSpent) {
    }

    /** One commune of one campaign; the campaign's name and dates on its first row only. */
    record Row(String campaign, String commune, int households, String reached, String when) {
    }

    static GiftTraceView of(JsonNode trace, Formats formats, PageText text) {
        List<Part> parts = new ArrayList<>();
        for (JsonNode part : trace.path("parts")) {
            boolean money = part.has("amount");
            String unit = part.path("unit").asString("");
            String title = money ? text.of("trace.money", formats.money(part.path("amount").asLong()), part.path("fundName").asString(""))
                    : text.of("trace.goods", formats.number(part.path("quantity").decimalValue()), unit, part.path("item").asString(""));
            List<Row> rows = new ArrayList<>();
            for (JsonNode campaign : part.path("campaigns")) {
                boolean first = true;
                String name = campaign.path("campaignName").asString(text.of("trace.campaign.unnamed"));
                String when = day(campaign.path("firstOn"), formats) + " – " + day(campaign.path("lastOn"), formats);
                for (JsonNode commune : campaign.path("communes")) {
                    rows.add(new Row(first ? name : "", commune.path("unitName").asString(commune.path("unitCode")
                            .asString(text.of("trace.where.unknown"))), commune.path("households").asInt(),
                            figure(commune, money, unit, formats), first ? when : ""));
                    first = false;
                }
            }
            List<String> direct = new ArrayList<>();
            for (JsonNode payment : part.path("direct")) {
                direct.add(text.of("trace.direct", day(payment.path("on"), formats), payment.path("description").asString(""),
                        figure(payment, money, unit, formats)));
            }
            String left = money ? text.of("trace.left.money", formats.money(part.path("remainingAmount").asLong()))
                    : text.of("trace.left.goods", formats.number(part.path("remainingQuantity").decimalValue()), unit);
            parts.add(new Part(title, rows, direct, left, rows.isEmpty() && direct.isEmpty()));
        }
        return new GiftTraceView(trace.path("receiptNumber").asString(), trace.path("donor").asString(""),
                day(trace.path("receivedOn"), formats), trace.path("officeName").asString(trace.path("officeUnitCode").asString("")), parts);
    }

    private static String figure(JsonNode line, boolean money, String unit, Formats formats) {
        return money ? formats.money(line.path("amount").asLong()) : formats.number(line.path("quantity").decimalValue()) + " " + unit;
    }

    private static String day(JsonNode iso, Formats formats) {
        return iso.isMissingNode() || iso.isNull() ? "" : formats.date(LocalDate.parse(iso.asString()));
    }
}
