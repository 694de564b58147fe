package vn.ansinh.console.backend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The names behind a list of household ids (a campaign's list names households by id only): asked of
 * registry-service in a few calls of a hundred ids, never one call per household.
 */
@Component
public class HouseholdDirectory {

    private static final int IDS_PER_CALL = 100;

    private final ServiceApi registry;

    public HouseholdDirectory(ServiceApis services) {
        this.registry = services.registry();
    }

    /** What a list shows of a household. */
    public record HouseholdCard(String id, String headName, Address address, String phone, List<Member> members,
                                String povertyStatus, boolean active) {

        public HouseholdCard {
            members = members == null ? List.of() : members;
        }

        public String hamlet() {
            return address == null || address.hamlet() == null ? "" : address.hamlet();
        }
    }

    public record Address(String unitCode, String hamlet, String street) {
    }

    public record Member(String fullName, LocalDate dateOfBirth, String gender, String citizenId, String relation) {
    }

    /** A household an officer may pick: who heads it, where, how many live in it. */
    public record Match(String id, String headName, String hamlet, int memberCount) {
    }

    /**
     * Households of a unit with a name like {@code name} (case and diacritics ignored), at most {@code max}:
     * the one a resident wrote about, if it is registered.
     */
    public List<Match> named(String unitCode, String name, int max) {
        String path = UriComponentsBuilder.fromPath("/api/v1/households").queryParam("unit", unitCode).queryParam("q", name.trim())
                .queryParam("size", max).encode().build().toUriString();
        return registry.getPage(path, HouseholdCard.class).content().stream()
                .map(card -> new Match(card.id(), card.headName(), card.hamlet(), card.members().size()))
                .toList();
    }

    /** The households of {@code ids} the signed-in person may see, by id. */
    public Map<String, HouseholdCard> cardsOf(Collection<String> ids) {
        List<String> distinct = ids.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
        Map<String, HouseholdCard> cards = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += IDS_PER_CALL) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + IDS_PER_CALL));
            String path = UriComponentsBuilder.fromPath("/api/v1/households").queryParam("ids", String.join(",", chunk))
                    .queryParam("includeInactive", true).queryParam("size", IDS_PER_CALL).encode().build().toUriString();
            registry.getPage(path, HouseholdCard.class).content().forEach(card -> cards.put(card.id(), card));
        }
        return cards;
    }

    public List<HouseholdCard> inOrder(List<String> ids) {
        Map<String, HouseholdCard> cards = cardsOf(ids);
        List<HouseholdCard> ordered = new ArrayList<>();
        ids.forEach(id -> {
            HouseholdCard card = cards.get(id);
            if (card != null) {
                ordered.add(card);
            }
        });
        return ordered;
    }
}
