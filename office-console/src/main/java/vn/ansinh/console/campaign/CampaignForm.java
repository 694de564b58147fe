package vn.ansinh.console.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.ansinh.console.web.Formats;

/**
 * A new campaign as a district officer fills it in: who is targeted (communes, each with an optional
 * quota), who is eligible, what each household (or each eligible person) receives — the same for all,
 * or by kind from a small table — and when. Kept as typed.
 */
public class CampaignForm {

    private String name = "";
    private List<String> targetUnitCodes = new ArrayList<>();
    private Map<String, String> quotas = new LinkedHashMap<>();
    private List<String> categories = new ArrayList<>();
    private List<String> povertyStatuses = new ArrayList<>();
    private List<String> approvedNeeds = new ArrayList<>();
    private String fundId = "";
    /** The office's organisation that runs the campaign; blank: the office itself. */
    private String organisationCode = "";
    private String cashPerHousehold = "";
    private List<GoodsRow> goods = new ArrayList<>(List.of(new GoodsRow(), new GoodsRow()));
    /** HOUSEHOLD or PERSON: what the amounts are for. */
    private String per = "HOUSEHOLD";
    private List<KindRow> byKind = new ArrayList<>(List.of(new KindRow(), new KindRow(), new KindRow(), new KindRow()));
    private String startsOn = "";
    private String endsOn = "";

    record Converted(Map<String, Object> request, Map<String, String> problems) {
    }

    /** The request distribution-service takes, and what is wrong before sending it (dates, figures). */
    Converted toRequest(String officeUnitCode, Map<String, String> messages) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", name.trim());
        request.put("officeUnitCode", officeUnitCode);
        request.put("organisationCode", organisationCode.isBlank() ? null : organisationCode.trim());
        request.put("targetUnitCodes", targetUnitCodes);
        Map<String, Object> eligibility = new LinkedHashMap<>();
        eligibility.put("categories", categories);
        eligibility.put("povertyStatuses", povertyStatuses);
        eligibility.put("approvedNeeds", approvedNeeds);
        request.put("eligibility", eligibility);
        Map<String, Object> benefit = new LinkedHashMap<>();
        benefit.put("per", per.isBlank() ? "HOUSEHOLD" : per);
        List<Map<String, Object>> rates = new ArrayList<>();
        for (int i = 0; i < byKind.size(); i++) {
            KindRow row = byKind.get(i);
            if (row.getKind().isBlank() && row.getAmount().isBlank()) {
                continue;
            }
            Long amount = Formats.parseMoney(row.getAmount());
            if (row.getKind().isBlank() || amount == null || amount < 0) {
                problems.put("benefit.byKind[" + i + "].amount", messages.get("money"));
            }
            Map<String, Object> rate = new LinkedHashMap<>();
            rate.put("kind", row.getKind());
            rate.put("amount", amount);
            rates.add(rate);
        }
        benefit.put("byKind", rates);
        if (!cashPerHousehold.isBlank() || !rates.isEmpty()) {
            Long amount = null;
            if (!cashPerHousehold.isBlank()) {
                amount = Formats.parseMoney(cashPerHousehold);
                if (amount == null || amount <= 0) {
                    problems.put("benefit.cash.amountPerHousehold", messages.get("money"));
                }
            }
            Map<String, Object> cash = new LinkedHashMap<>();
            cash.put("fundId", fundId.isBlank() ? null : fundId);
            cash.put("amountPerHousehold", amount);
            benefit.put("cash", cash);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < goods.size(); i++) {
            GoodsRow row = goods.get(i);
            if (row.getItem().isBlank() && row.getQuantity().isBlank()) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("item", row.getItem().trim());
            item.put("unit", row.getUnit().trim());
            try {
                item.put("quantityPerHousehold", new BigDecimal(row.getQuantity().trim().replace(',', '.')));
            } catch (NumberFormatException notANumber) {
                problems.put("benefit.items[" + i + "].quantityPerHousehold", messages.get("quantity"));
            }
            items.add(item);
        }
        benefit.put("items", items);
        request.put("benefit", benefit);
        request.put("startsOn", date(startsOn, "startsOn", problems, messages.get("date")));
        request.put("endsOn", date(endsOn, "endsOn", problems, messages.get("date")));
        List<Map<String, Object>> limits = new ArrayList<>();
        for (String unit : targetUnitCodes) {
            String quota = quotas.getOrDefault(unit, "").trim();
            if (quota.isEmpty()) {
                continue;
            }
            try {
                limits.add(Map.of("unitCode", unit, "maxHouseholds", Integer.parseInt(quota.replace(".", ""))));
            } catch (NumberFormatException notANumber) {
                problems.put("quotas[" + unit + "]", messages.get("quantity"));
            }
        }
        request.put("quotas", limits);
        return new Converted(request, problems);
    }

    private static LocalDate date(String typed, String field, Map<String, String> problems, String message) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return Formats.parseDay(typed);
        } catch (DateTimeParseException notADate) {
            problems.put(field, message);
            return null;
        }
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public void setOrganisationCode(String organisationCode) {
        this.organisationCode = organisationCode == null ? "" : organisationCode;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public List<String> getTargetUnitCodes() {
        return targetUnitCodes;
    }

    public void setTargetUnitCodes(List<String> targetUnitCodes) {
        this.targetUnitCodes = targetUnitCodes == null ? new ArrayList<>() : new ArrayList<>(targetUnitCodes);
    }

    public Map<String, String> getQuotas() {
        return quotas;
    }

    public void setQuotas(Map<String, String> quotas) {
        this.quotas = quotas == null ? new LinkedHashMap<>() : new LinkedHashMap<>(quotas);
    }

    public List<String> getCategories() {
        return categories;
    }

    public void setCategories(List<String> categories) {
        this.categories = categories == null ? new ArrayList<>() : new ArrayList<>(categories);
    }

    public List<String> getPovertyStatuses() {
        return povertyStatuses;
    }

    public void setPovertyStatuses(List<String> povertyStatuses) {
        this.povertyStatuses = povertyStatuses == null ? new ArrayList<>() : new ArrayList<>(povertyStatuses);
    }

    public List<String> getApprovedNeeds() {
        return approvedNeeds;
    }

    public void setApprovedNeeds(List<String> approvedNeeds) {
        this.approvedNeeds = approvedNeeds == null ? new ArrayList<>() : new ArrayList<>(approvedNeeds);
    }

    public String getFundId() {
        return fundId;
    }

    public void setFundId(String fundId) {
        this.fundId = fundId == null ? "" : fundId;
    }

    public String getCashPerHousehold() {
        return cashPerHousehold;
    }

    public void setCashPerHousehold(String cashPerHousehold) {
        this.cashPerHousehold = cashPerHousehold == null ? "" : cashPerHousehold;
    }

    public List<GoodsRow> getGoods() {
        return goods;
    }

    public void setGoods(List<GoodsRow> goods) {
        this.goods = goods == null ? new ArrayList<>() : goods;
    }

    public String getPer() {
        return per;
    }

    public void setPer(String per) {
        this.per = "PERSON".equals(per) ? "PERSON" : "HOUSEHOLD";
    }

    public List<KindRow> getByKind() {
        return byKind;
    }

    public void setByKind(List<KindRow> byKind) {
        this.byKind = byKind == null ? new ArrayList<>() : byKind;
    }

    public String getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(String startsOn) {
        this.startsOn = startsOn == null ? "" : startsOn;
    }

    public String getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(String endsOn) {
        this.endsOn = endsOn == null ? "" : endsOn;
    }

    /** One row of the table by kind: a household category or a member's kind, and its amount of cash. */
    public static class KindRow {
        private String kind = "";
        private String amount = "";

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind == null ? "" : kind.replaceAll("[^A-Z_]", "");
        }

        public String getAmount() {
            return amount;
        }

        public void setAmount(String amount) {
            this.amount = amount == null ? "" : amount;
        }
    }

    public static class GoodsRow {
        private String item = "";
        private String unit = "";
        private String quantity = "";

        public String getItem() {
            return item;
        }

        public void setItem(String item) {
            this.item = item == null ? "" : item;
        }

        public String getUnit() {
            return unit;
        }

        public void setUnit(String unit) {
            this.unit = unit == null ? "" : unit;
        }

        public String getQuantity() {
            return quantity;
        }

        public void setQuantity(String quantity) {
            this.quantity = quantity == null ? "" : quantity;
        }
    }
}
