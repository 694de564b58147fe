package vn.ansinh.registry.household;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.events.OutboxDocument;
import vn.ansinh.registry.dedup.HouseholdProfile;
import vn.ansinh.events.Events;
import vn.ansinh.events.registry.HouseholdDeactivated;
import vn.ansinh.events.registry.HouseholdMerged;
import vn.ansinh.events.registry.HouseholdMoved;
import vn.ansinh.events.registry.HouseholdPovertyStatusChanged;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.events.registry.HouseholdUpdated;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.text.VietnameseNames;

/** A household on the registry, with the events of its changes that are not yet published. */
@Document("households")
public class Household extends OutboxDocument implements Audited {

    /** Search keys computed from the names: not changes of their own. */
    private static final Set<String> DERIVED = Set.of("nameKeys");

    @Id
    private String id;
    private String headName;
    private List<Member> members;
    private Address address;
    @Indexed
    private String unitCode;
    private String phone;
    private List<Category> categories;
    private PovertyStatus povertyStatus;
    private List<PovertyStatusPeriod> povertyStatusHistory = new ArrayList<>();
    private List<AddressChange> addressHistory = new ArrayList<>();
    /** Null while the household is on the active lists (so documents from before this field count as active). */
    private DeactivationReason deactivationReason;
    private LocalDate deactivatedFrom;
    /** The household this one was merged into as a duplicate. */
    private String mergedInto;
    /** The households merged into this one as duplicates. */
    private List<MergedHousehold> mergedFrom = new ArrayList<>();
    /** Search keys of every name in the household (see {@link VietnameseNames#searchKey}), for name search. */
    private List<String> nameKeys;
    private Instant registeredAt;

    protected Household() {
    }

    @Override
    public String auditType() {
        return "household";
    }

    @Override
    public String auditUnit() {
        return unitCode;
    }

    @Override
    public Set<String> auditDerivedFields() {
        return DERIVED;
    }

    Household(String id, String headName, List<Member> members, Address address, String phone,
              List<Category> categories, PovertyStatus povertyStatus, Instant registeredAt) {
        this.id = id;
        this.headName = headName;
        this.members = List.copyOf(members);
        this.address = address;
        this.unitCode = address.unitCode();
        this.phone = phone;
        this.categories = List.copyOf(categories);
        this.povertyStatus = povertyStatus;
        this.registeredAt = registeredAt;
        this.nameKeys = nameKeysOf(headName, members);
        raise(Events.HOUSEHOLD_REGISTERED, new HouseholdRegistered(id, unitCode, categoryNames(), povertyStatus.name(), members.size(),
                registeredAt, address.hamlet(), memberKinds()));
    }

    /** Each member's kinds, in order: what other services need of the members, never who they are. */
    private List<List<String>> memberKinds() {
        return members.stream().map(member -> member.kinds().stream().map(Enum::name).toList()).toList();
    }

    private List<String> categoryNames() {
        return categories.stream().map(Enum::name).toList();
    }

    private static List<String> nameKeysOf(String headName, List<Member> members) {
        List<String> keys = new ArrayList<>();
        keys.add(VietnameseNames.searchKey(headName));
        members.forEach(member -> keys.add(VietnameseNames.searchKey(member.fullName())));
        return keys.stream().distinct().toList();
    }

    /**
     * Records a new poverty status from a date on; the previous one is kept in the history.
     *
     * @throws Refusal when the status is the current one or the date is before the last change
     */
    void changePovertyStatus(PovertyStatus status, LocalDate effectiveFrom, String reason, String changedBy, Instant at) {
        requireActive();
        if (status == povertyStatus) {
            throw Refusal.conflict("poverty-status.unchanged", id);
        }
        if (!povertyStatusHistory.isEmpty()
                && effectiveFrom.isBefore(povertyStatusHistory.get(povertyStatusHistory.size() - 1).effectiveFrom())) {
            throw Refusal.conflict("poverty-status.before-last-change", id);
        }
        povertyStatusHistory.add(new PovertyStatusPeriod(povertyStatus, status, effectiveFrom, reason, changedBy, at));
        raise(Events.HOUSEHOLD_POVERTY_STATUS_CHANGED, new HouseholdPovertyStatusChanged(id, unitCode, categoryNames(),
                povertyStatus.name(), status.name(), effectiveFrom));
        povertyStatus = status;
    }

    void update(String newHeadName, List<Member> newMembers, String newPhone, List<Category> newCategories,
                String newHamlet, String newStreet) {
        requireActive();
        if (newHeadName != null) {
            headName = newHeadName;
        }
        if (newMembers != null) {
            members = List.copyOf(newMembers);
        }
        if (newPhone != null) {
            phone = newPhone;
        }
        if (newCategories != null) {
            categories = newCategories.stream().distinct().toList();
        }
        if (newHamlet != null || newStreet != null) {
            address = new Address(unitCode, newHamlet != null ? newHamlet : address.hamlet(),
                    newStreet != null ? newStreet : address.street());
        }
        nameKeys = nameKeysOf(headName, members);
        raise(Events.HOUSEHOLD_UPDATED, new HouseholdUpdated(id, unitCode, categoryNames(), povertyStatus.name(), members.size(),
                address.hamlet(), memberKinds()));
    }

    void moveTo(Address to, LocalDate effectiveFrom, String reason, String changedBy, Instant at) {
        requireActive();
        if (to.unitCode().equals(unitCode) && java.util.Objects.equals(to, address)) {
            throw Refusal.conflict("move.same-address", id);
        }
        addressHistory.add(new AddressChange(address, to, effectiveFrom, reason, changedBy, at));
        raise(Events.HOUSEHOLD_MOVED, new HouseholdMoved(id, unitCode, to.unitCode(), categoryNames(), povertyStatus.name(),
                effectiveFrom, to.hamlet()));
        address = to;
        unitCode = to.unitCode();
    }

    void deactivate(DeactivationReason reason, LocalDate from) {
        end(reason, from);
        raise(Events.HOUSEHOLD_DEACTIVATED, new HouseholdDeactivated(id, unitCode, reason.name(), from));
    }

    private void end(DeactivationReason reason, LocalDate from) {
        requireActive();
        deactivationReason = reason;
        deactivatedFrom = from;
    }

    /** Ends this household as a duplicate of {@code keptHouseholdId}; its history stays readable. */
    void mergeInto(String keptHouseholdId, String keptUnitCode, LocalDate on) {
        end(DeactivationReason.MERGED, on);
        mergedInto = keptHouseholdId;
        raise(Events.HOUSEHOLD_MERGED, new HouseholdMerged(id, unitCode, keptHouseholdId, keptUnitCode));
    }

    /**
     * Takes in a duplicate of this household before it is ended, keeping every person once: each of
     * its members matched with one of ours ({@code matched}: pairs of our index and its index) fills
     * in what ours lacks, the others are added. A member who headed the duplicate joins without a
     * relation (this household has its head); an officer sets it. Taking the same household in twice
     * changes nothing, so a merge retried after a crash does not add its members again.
     */
    void absorb(Household duplicate, List<int[]> matched, String by, Instant at) {
        requireActive();
        if (mergedFrom.stream().anyMatch(earlier -> earlier.householdId().equals(duplicate.id))) {
            return;
        }
        List<Member> merged = new ArrayList<>(members);
        boolean[] counterpart = new boolean[duplicate.members.size()];
        int completed = 0;
        for (int[] pair : matched) {
            counterpart[pair[1]] = true;
            Member ours = merged.get(pair[0]);
            Member filled = ours.completedFrom(duplicate.members.get(pair[1]));
            if (!filled.equals(ours)) {
                merged.set(pair[0], filled);
                completed++;
            }
        }
        int added = 0;
        for (int i = 0; i < counterpart.length; i++) {
            if (!counterpart[i]) {
                merged.add(duplicate.members.get(i).joiningAnotherHousehold());
                added++;
            }
        }
        mergedFrom.add(new MergedHousehold(duplicate.id, duplicate.unitCode, duplicate.registeredAt, added, completed, by, at));
        auditAs("household.merged-in");
        if (added == 0 && completed == 0 && (phone != null || duplicate.phone == null)) {
            return; // nothing of ours changed: no event for the other services
        }
        members = List.copyOf(merged);
        if (phone == null) {
            phone = duplicate.phone;
        }
        nameKeys = nameKeysOf(headName, members);
        raise(Events.HOUSEHOLD_UPDATED, new HouseholdUpdated(id, unitCode, categoryNames(), povertyStatus.name(), members.size(),
                address.hamlet(), memberKinds()));
    }

    public List<MergedHousehold> getMergedFrom() {
        return mergedFrom == null ? List.of() : List.copyOf(mergedFrom);
    }

    /** What duplicate detection compares. */
    public HouseholdProfile profile() {
        return HouseholdProfile.of(id, unitCode, address.hamlet(), phone, members.stream()
                .map(m -> HouseholdProfile.Person.of(m.fullName(), m.dateOfBirth(), m.citizenId())).toList());
    }

    public String getMergedInto() {
        return mergedInto;
    }

    private void requireActive() {
        if (!isActive()) {
            throw Refusal.conflict("household.inactive", id);
        }
    }

    /** The names of the head and members folded for search (no marks, lower case). */
    public List<String> getNameKeys() {
        return nameKeys == null ? List.of() : List.copyOf(nameKeys);
    }

    public List<AddressChange> getAddressHistory() {
        return List.copyOf(addressHistory);
    }

    public boolean isActive() {
        return deactivationReason == null;
    }

    public DeactivationReason getDeactivationReason() {
        return deactivationReason;
    }

    public LocalDate getDeactivatedFrom() {
        return deactivatedFrom;
    }

    public List<PovertyStatusPeriod> getPovertyStatusHistory() {
        return List.copyOf(povertyStatusHistory);
    }

    public String getId() {
        return id;
    }

    public String getHeadName() {
        return headName;
    }

    public List<Member> getMembers() {
        return members;
    }

    public Address getAddress() {
        return address;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public String getPhone() {
        return phone;
    }

    public List<Category> getCategories() {
        return categories;
    }

    public PovertyStatus getPovertyStatus() {
        return povertyStatus;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

}
