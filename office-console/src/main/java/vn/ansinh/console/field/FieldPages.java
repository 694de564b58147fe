package vn.ansinh.console.field;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.JsonNode;
import vn.ansinh.console.backend.AdminUnits;
import vn.ansinh.console.backend.HouseholdDirectory;
import vn.ansinh.console.backend.Page;
import vn.ansinh.console.backend.ServiceApi;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.signin.SignedInPerson;
import vn.ansinh.console.backend.ApiRefusal;
import vn.ansinh.console.web.Ids;

/**
 * Handing out aid on a phone: a commune's approved households not reached yet (the next to serve
 * first), searchable by name or hamlet, one tap per delivery. The page keeps working without a
 * network (its script queues deliveries on the device and sends them when the network returns, each
 * with the id the device gave it, so a resent record is the same delivery).
 */
@Controller
@RequestMapping("/field")
class FieldPages {

    private static final int LIST_SIZE = 2000;
    /** A photo as a phone's camera takes it, before it is shrunk: more is not a photo of a handover. */
    private static final int MAX_PHOTO_AS_TAKEN = 20 * 1024 * 1024;

    private final ServiceApi distribution;
    private final AdminUnits units;
    private final HouseholdDirectory households;
    private final vn.ansinh.console.web.PageText text;

    FieldPages(ServiceApis services, AdminUnits units, HouseholdDirectory households, vn.ansinh.console.web.PageText text) {
        this.text = text;
        this.distribution = services.distribution();
        this.units = units;
        this.households = households;
    }

    record Campaign(String id, String name, String state, List<String> targetUnitCodes) {
        Campaign {
            targetUnitCodes = targetUnitCodes == null ? List.of() : targetUnitCodes;
        }
    }

    record Entitlement(String id, String householdId, String unitCode, boolean included, boolean delivered) {
    }

    record Delivery(String id, String entitlementId, Instant deliveredAt, String deliveredBy, Instant revertedAt) {
    }

    /** One line of the list: the household, and who served it when, if someone did. */
    record Line(String entitlementId, String headName, String hamlet, int members, String deliveredBy, Instant deliveredAt) {
        boolean served() {
            return deliveredAt != null;
        }
    }

    @GetMapping
    String campaigns(Model model) {
        Page<Campaign> active = distribution.getPage("/api/v1/campaigns?state=ACTIVE&size=100", Campaign.class);
        model.addAttribute("campaigns", active.content());
        return "field/campaigns";
    }

    @GetMapping("/{id:[A-Za-z0-9-]+}")
    String list(@PathVariable String id, @RequestParam(name = "unit", defaultValue = "") String unit,
                @ModelAttribute("person") SignedInPerson person, Model model) {
        Campaign campaign = distribution.get("/api/v1/campaigns/" + Ids.of(id), Campaign.class);
        model.addAttribute("campaign", campaign);
        String unitCode = unit.isBlank() && campaign.targetUnitCodes().contains(person.office()) ? person.office() : Ids.unit(unit);
        model.addAttribute("units", units.namesOf(campaign.targetUnitCodes()));
        // A commune's officer hands out in their own commune; a district's chooses which.
        model.addAttribute("chooseUnit", !campaign.targetUnitCodes().contains(person.office()));
        model.addAttribute("unit", unitCode);
        if (unitCode.isBlank()) {
            return "field/list";
        }
        List<Line> lines = lines(campaign.id(), unitCode);
        model.addAttribute("unitName", units.nameOf(unitCode));
        model.addAttribute("waiting", lines.stream().filter(line -> !line.served()).toList());
        model.addAttribute("served", lines.stream().filter(Line::served).toList());
        return "field/list";
    }

    private List<Line> lines(String campaignId, String unitCode) {
        List<Entitlement> onList = distribution.getPage(UriComponentsBuilder.fromPath("/api/v1/campaigns/" + campaignId + "/entitlements")
                .queryParam("unit", unitCode).queryParam("state", "INCLUDED").queryParam("size", LIST_SIZE).build().toUriString(),
                Entitlement.class).content();
        Map<String, Delivery> byEntitlement = deliveries(campaignId, unitCode);
        Map<String, HouseholdDirectory.HouseholdCard> cards = households.cardsOf(onList.stream().map(Entitlement::householdId).toList());
        List<Line> lines = new ArrayList<>();
        for (Entitlement entitlement : onList) {
            HouseholdDirectory.HouseholdCard card = cards.get(entitlement.householdId());
            Delivery delivery = byEntitlement.get(entitlement.id());
            lines.add(new Line(entitlement.id(), card == null ? entitlement.householdId() : card.headName(),
                    card == null ? "" : card.hamlet(), card == null ? 0 : card.members().size(),
                    delivery == null ? null : delivery.deliveredBy(), delivery == null ? null : delivery.deliveredAt()));
        }
        lines.sort(Comparator.comparing(Line::hamlet).thenComparing(Line::headName));
        return lines;
    }

    private Map<String, Delivery> deliveries(String campaignId, String unitCode) {
        Map<String, Delivery> byEntitlement = new HashMap<>();
        distribution.getPage(UriComponentsBuilder.fromPath("/api/v1/campaigns/" + campaignId + "/deliveries").queryParam("unit", unitCode)
                        .queryParam("size", LIST_SIZE).build().toUriString(), Delivery.class).content().stream()
                .filter(delivery -> delivery.revertedAt() == null)
                .forEach(delivery -> byEntitlement.put(delivery.entitlementId(), delivery));
        return byEntitlement;
    }

    /** A delivery as the device kept it. */
    record DeviceRecord(String id, String entitlementId, Instant deliveredAt, String proof) {
    }

    /** What became of one record: sent (201/200), or refused, and if already served, by whom and when. */
    record Outcome(String id, String entitlementId, int status, String code, String deliveredBy, Instant deliveredAt) {
    }

    /**
     * The device's queue, sent in one call to distribution-service's batch endpoint as the signed-in
     * person (named as the one who handed the aid over). A household served meanwhile by someone
     * else comes back with who served it and when.
     */
    @PostMapping(path = "/{id}/deliveries", consumes = "application/json", produces = "application/json")
    @ResponseBody
    List<Outcome> send(@PathVariable String id, @RequestParam("unit") String unit, @RequestBody List<DeviceRecord> records,
                       @ModelAttribute("person") SignedInPerson person) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (DeviceRecord record : records) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", record.id());
            line.put("entitlementId", record.entitlementId());
            line.put("deliveredAt", record.deliveredAt() == null || record.deliveredAt().isAfter(Instant.now()) ? Instant.now() : record.deliveredAt());
            line.put("deliveredBy", person.name());
            line.put("proof", record.proof() == null || record.proof().isBlank() ? null : record.proof().trim());
            batch.add(line);
        }
        JsonNode answer = distribution.post("/api/v1/deliveries/batch", batch);
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Delivery> served = null;
        for (JsonNode line : answer) {
            int index = line.path("index").asInt();
            DeviceRecord record = records.get(index);
            int status = line.path("status").asInt();
            String code = line.path("code").isNull() ? null : line.path("code").asString(null);
            if ("already-delivered".equals(code)) {
                if (served == null) {
                    served = deliveries(Ids.of(id), Ids.unit(unit));
                }
                Delivery first = served.get(record.entitlementId());
                outcomes.add(new Outcome(record.id(), record.entitlementId(), status, code,
                        first == null ? null : first.deliveredBy(), first == null ? null : first.deliveredAt()));
            } else {
                outcomes.add(new Outcome(record.id(), record.entitlementId(), status, code, person.name(), record.deliveredAt()));
            }
        }
        return outcomes;
    }

    /**
     * A photo the phone took as proof of a handover it has sent: passed on to distribution-service, which
     * keeps it for the offices of the area (never on a public page, never in an event). The page shrinks
     * photos before sending; a photo still too large is shrunk here.
     */
    @PutMapping(path = "/{id}/deliveries/{deliveryId}/proof", consumes = {"image/jpeg", "image/png", "image/webp"},
            produces = "application/json")
    @ResponseBody
    ResponseEntity<Map<String, Object>> attachPhoto(@PathVariable String id, @PathVariable String deliveryId,
                                                    jakarta.servlet.http.HttpServletRequest request) throws IOException {
        byte[] photo;
        try (InputStream body = request.getInputStream()) {
            photo = body.readNBytes(MAX_PHOTO_AS_TAKEN + 1);
        }
        if (photo.length > MAX_PHOTO_AS_TAKEN) {
            return ResponseEntity.status(413).body(Map.of("status", 413, "code", "too-large"));
        }
        return attach(deliveryId, photo, request.getContentType());
    }

    private ResponseEntity<Map<String, Object>> attach(String deliveryId, byte[] photo, String contentType) throws IOException {
        java.util.Optional<ProofPhotos.Shrunk> fitted = ProofPhotos.fit(photo, contentType);
        if (fitted.isEmpty()) {
            return ResponseEntity.status(415).body(Map.of("status", 415, "code", "not-an-image"));
        }
        try {
            distribution.putImage("/api/v1/deliveries/" + Ids.of(deliveryId) + "/proof?kind=PHOTO", fitted.get().bytes(),
                    fitted.get().contentType());
            return ResponseEntity.ok(Map.of("status", 200));
        } catch (ApiRefusal refused) {
            return ResponseEntity.status(refused.status()).body(Map.of("status", refused.status(), "code", refused.explanation()));
        }
    }

    /** Without JavaScript: one tap is one form post (with the photo, if one was taken), answered with the list again. */
    @PostMapping(path = "/{id}/deliver", consumes = {"application/x-www-form-urlencoded", "multipart/form-data"})
    String deliver(@PathVariable String id, @RequestParam("unit") String unit, @RequestParam("entitlementId") String entitlementId,
                   @RequestParam(name = "proof", defaultValue = "") String proof,
                   @RequestParam(name = "photo", required = false) MultipartFile photo, @ModelAttribute("person") SignedInPerson person,
                   org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) throws IOException {
        String deliveryId = java.util.UUID.randomUUID().toString();
        List<Outcome> outcomes = send(id, unit, List.of(new DeviceRecord(deliveryId, entitlementId, Instant.now(), proof)), person);
        Outcome outcome = outcomes.get(0);
        if (outcome.status() >= 300) {
            redirect.addFlashAttribute("problem", outcome.code());
        } else if (photo != null && !photo.isEmpty()) {
            if (photo.getSize() > MAX_PHOTO_AS_TAKEN) {
                redirect.addFlashAttribute("problem", text.of("field.photo.refused"));
            } else {
                ResponseEntity<Map<String, Object>> attached = attach(deliveryId, photo.getBytes(), photo.getContentType());
                if (!attached.getStatusCode().is2xxSuccessful()) {
                    redirect.addFlashAttribute("problem", text.of("field.photo.refused"));
                }
            }
        }
        return "redirect:/field/" + Ids.of(id) + "?unit=" + Ids.unit(unit);
    }
}
