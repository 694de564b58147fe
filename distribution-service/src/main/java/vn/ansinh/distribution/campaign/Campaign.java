package vn.ansinh.distribution.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.events.Events;
import vn.ansinh.events.distribution.Benefit;
import vn.ansinh.events.distribution.CampaignApproved;
import vn.ansinh.events.distribution.CampaignClosed;
import vn.ansinh.events.distribution.CampaignReservationRequested;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.events.OutboxDocument;

/** A relief round run by an office for its target communes, with its list's parts and its state. */
@Document("campaigns")
public class Campaign extends OutboxDocument implements Audited {

    /**
     * A target unit's part of the list: open while the commune edits it, submitted once it has sent it
     * up; {@code maxHouseholds} is its quota, if the campaign has quotas.
     */
    public record Part(String unitCode, Integer maxHouseholds, boolean submitted, String submittedBy, Instant submittedAt) {
    }

    @Id
    private String id;
    private String name;
    private String officeUnitCode;
    /** The office's organisation that runs the campaign (its Women's Union, say); {@code null} for the office itself. */
    private String organisationCode;
    private List<String> targetUnitCodes;
    private List<String> eligibleCategories;
    private List<String> eligiblePovertyStatuses;
    private List<String> eligibleNeeds;
    private CampaignBenefit benefit;
    private LocalDate startsOn;
    private LocalDate endsOn;
    /** True if households may also get the same kind of benefit from an overlapping campaign. */
    private boolean allowOverlap;
    private CampaignState state;
    private List<Part> parts = new ArrayList<>();
    private long approvedHouseholds;
    private String approvedBy;
    private Instant approvalRequestedAt;
    private String rejectionReason;
    private String rejectionDetail;
    private Instant createdAt;
    private Instant closedAt;
    /**
     * Deliveries recorded and reverted while the campaign was active, counted by an atomic increment
     * that also moves the version: a close saved from an older version fails and is tried again, so the
     * close event carries exactly the deliveries recorded before it.
     */
    private long deliveriesRecorded;
    private long deliveriesReverted;
    /** The programme this campaign is a round of: the first round's id (absent on campaigns older than rounds: their own). */
    private String programmeId;
    /** The round's number in its programme, from 1 (0 on campaigns older than rounds: their first). */
    private int round;
    private String previousRoundId;
    /** The eligible people on the approved list (its households' members when paid per household). */
    private long approvedPersons;

    protected Campaign() {
    }

    @Override
    public String auditType() {
        return "campaign";
    }

    @Override
    public String auditUnit() {
        return officeUnitCode;
    }

    Campaign(String id, String name, String officeUnitCode, String organisationCode, List<String> targetUnitCodes,
             List<String> eligibleCategories, List<String> eligiblePovertyStatuses, List<String> eligibleNeeds, CampaignBenefit benefit,
             LocalDate startsOn, LocalDate endsOn, boolean allowOverlap, Map<String, Integer> quotas, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.officeUnitCode = officeUnitCode;
        this.organisationCode = organisationCode;
        this.targetUnitCodes = List.copyOf(targetUnitCodes);
        this.eligibleCategories = List.copyOf(eligibleCategories);
        this.eligiblePovertyStatuses = List.copyOf(eligiblePovertyStatuses);
        this.eligibleNeeds = List.copyOf(eligibleNeeds);
        this.benefit = benefit;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.allowOverlap = allowOverlap;
        this.state = CampaignState.DRAFT;
        this.createdAt = createdAt;
        targetUnitCodes.forEach(unit -> parts.add(new Part(unit, quotas.get(unit), false, null, null)));
        this.programmeId = id;
        this.round = 1;
        auditAs("campaign.created");
    }

    /**
     * The programme's next round after this one: the same office, targets, eligibility, benefit and
     * quotas, in draft, for its list to be carried over from this round's and edited. Only a round that
     * went ahead (approved: running or closed) has a next one.
     */
    Campaign nextRound(String nextId, String nextName, LocalDate from, LocalDate to, Instant at) {
        if (state != CampaignState.ACTIVE && state != CampaignState.CLOSED) {
            throw Refusal.conflict("round.previous-not-approved", state);
        }
        Map<String, Integer> quotas = new java.util.HashMap<>();
        parts.stream().filter(part -> part.maxHouseholds() != null).forEach(part -> quotas.put(part.unitCode(), part.maxHouseholds()));
        Campaign next = new Campaign(nextId, nextName, officeUnitCode, organisationCode, targetUnitCodes, eligibleCategories, eligiblePovertyStatuses,
                getEligibleNeeds(), benefit, from, to, allowOverlap, quotas, at);
        next.programmeId = getProgrammeId();
        next.round = getRound() + 1;
        next.previousRoundId = id;
        next.auditAs("campaign.round-opened");
        return next;
    }

    /** True if both are rounds of one programme: a round pays its predecessor's list again, which is no overlap. */
    boolean sameProgrammeAs(Campaign other) {
        return getProgrammeId().equals(other.getProgrammeId());
    }

    /** @param households how many households the part has on the list; it may not exceed the part's quota */
    void submitPart(String unitCode, long households, String by, Instant at) {
        requireState(CampaignState.DRAFT);
        auditAs("campaign.part-submitted");
        int index = partIndex(unitCode);
        Part part = parts.get(index);
        if (part.submitted()) {
            throw Refusal.conflict("part-already-submitted", state);
        }
        if (part.maxHouseholds() != null && households > part.maxHouseholds()) {
            throw Refusal.conflict("over-quota", state);
        }
        parts.set(index, new Part(unitCode, part.maxHouseholds(), true, by, at));
    }

    /**
     * Freezes the list and asks for everything it needs: raises {@code campaign.approved} (the list's size
     * by commune, for reports) and {@code campaign.reservation-requested} (for donation-service).
     *
     * @param total             what the whole list receives, the sum of its entries' shares
     * @param approvedByCommune households on the list by the commune they live in, a family once
     */
    void approve(long households, Share total, java.util.Map<String, Long> approvedByCommune, String by, Instant at) {
        requireState(CampaignState.DRAFT);
        auditAs("campaign.approved"); // the reservation it asks for is the saga's, not a separate act
        if (parts.stream().anyMatch(part -> !part.submitted())) {
            throw Refusal.conflict("parts-not-submitted", state);
        }
        if (households == 0) {
            throw Refusal.conflict("empty-list", state);
        }
        state = CampaignState.APPROVING;
        approvedHouseholds = households;
        approvedPersons = total.persons();
        approvedBy = by;
        approvalRequestedAt = at;
        Benefit whole = benefitOf(total);
        raise(Events.CAMPAIGN_APPROVED, new CampaignApproved(id, name, officeUnitCode, startsOn, endsOn, benefitOf(defaultShare()),
                approvedByCommune, getProgrammeId(), getRound(), total.persons(), whole, organisationCode));
        raise(Events.CAMPAIGN_RESERVATION_REQUESTED, new CampaignReservationRequested(id, officeUnitCode, whole));
    }

    /** What one household receives when nothing about it sets it apart. */
    public Share defaultShare() {
        return benefit.defaultShare();
    }

    /** What a household on the list receives, worked out from its categories or its members' kinds. */
    Share shareOf(List<String> categories, int memberCount, List<List<String>> memberKinds) {
        return benefit.shareOf(categories, memberCount, memberKinds);
    }

    /** A share (one entry's, or a whole list's) as donation-service reserves and spends it: only what is not zero. */
    public Benefit benefitOf(Share share) {
        List<Benefit.Money> money = benefit.cash() == null || share.cash() == 0 ? List.of()
                : List.of(new Benefit.Money(benefit.cash().fundId(), share.cash()));
        List<Benefit.Goods> goods = new ArrayList<>();
        for (int i = 0; i < benefit.goods().size() && i < share.goods().size(); i++) {
            CampaignBenefit.Goods item = benefit.goods().get(i);
            long thousandths = share.goods().get(i).thousandths();
            if (thousandths > 0) {
                // An organisation's campaign hands out its own store's goods; another unit's stock is that office's own.
                boolean ownStock = item.stockOfficeUnitCode() == null || item.stockOfficeUnitCode().equals(officeUnitCode);
                goods.add(new Benefit.Goods(ownStock ? officeUnitCode : item.stockOfficeUnitCode(),
                        item.item(), item.unit(), thousandths, ownStock ? organisationCode : null));
            }
        }
        return new Benefit(money, goods);
    }

    /**
     * No answer came in time: the campaign is rejected and raises its close, so that donation-service gives
     * back anything it reserved meanwhile.
     *
     * @return false when the answer came first
     */
    boolean giveUpWaiting(String detail) {
        if (!reject("reservation-timeout", detail)) {
            return false;
        }
        raise(Events.CAMPAIGN_CLOSED, closedEvent("reservation-timeout"));
        return true;
    }

    /** The reservation was confirmed after the campaign gave up waiting: what was reserved goes back. */
    boolean confirmedTooLate() {
        if (state != CampaignState.REJECTED || !"reservation-timeout".equals(rejectionReason)) {
            return false;
        }
        raise(Events.CAMPAIGN_CLOSED, closedEvent("reservation-timeout"));
        return true;
    }

    boolean reserved() {
        if (state != CampaignState.APPROVING) {
            return false;
        }
        state = CampaignState.ACTIVE;
        return true;
    }

    boolean reject(String reason, String detail) {
        if (state != CampaignState.APPROVING) {
            return false;
        }
        state = CampaignState.REJECTED;
        rejectionReason = reason;
        rejectionDetail = detail;
        return true;
    }

    /** Closes the campaign; its close carries the deliveries recorded and reverted before it. */
    void close(String reason, Instant at) {
        if (state == CampaignState.CLOSED || state == CampaignState.DRAFT) {
            throw Refusal.conflict("campaign.not-closable", state);
        }
        state = CampaignState.CLOSED;
        closedAt = at;
        raise(Events.CAMPAIGN_CLOSED, closedEvent(reason));
    }

    /**
     * True if both campaigns run at the same time (an open end runs forever) and give the same kind
     * of benefit: both cash, or the same item.
     */
    boolean overlaps(Campaign other) {
        boolean sameTime = (startsOn == null || other.endsOn == null || !startsOn.isAfter(other.endsOn))
                && (other.startsOn == null || endsOn == null || !other.startsOn.isAfter(endsOn));
        boolean bothCash = benefit.cash() != null && other.benefit.cash() != null;
        boolean sameGoods = benefit.goods().stream().anyMatch(mine -> other.benefit.goods().stream()
                .anyMatch(theirs -> theirs.item().equalsIgnoreCase(mine.item())));
        return sameTime && (bothCash || sameGoods);
    }

    public boolean isAllowOverlap() {
        return allowOverlap;
    }

    void requireState(CampaignState expected) {
        if (state != expected) {
            throw Refusal.conflict("campaign.wrong-state", state);
        }
    }

    boolean isPartOpen(String unitCode) {
        return parts.stream().anyMatch(part -> part.unitCode().equals(unitCode) && !part.submitted());
    }

    private int partIndex(String unitCode) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).unitCode().equals(unitCode)) {
                return i;
            }
        }
        throw Refusal.unprocessable("not-a-target-unit", unitCode);
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public String getOfficeUnitCode() {
        return officeUnitCode;
    }

    public List<String> getTargetUnitCodes() {
        return targetUnitCodes;
    }

    public List<String> getEligibleCategories() {
        return eligibleCategories;
    }

    public List<String> getEligiblePovertyStatuses() {
        return eligiblePovertyStatuses;
    }

    public List<String> getEligibleNeeds() {
        return eligibleNeeds == null ? List.of() : eligibleNeeds;
    }

    public CampaignBenefit getBenefit() {
        return benefit;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public CampaignState getState() {
        return state;
    }

    public List<Part> getParts() {
        return List.copyOf(parts);
    }

    public long getApprovedHouseholds() {
        return approvedHouseholds;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getApprovalRequestedAt() {
        return approvalRequestedAt;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public String getRejectionDetail() {
        return rejectionDetail;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getDeliveriesRecorded() {
        return deliveriesRecorded;
    }

    public long getDeliveriesReverted() {
        return deliveriesReverted;
    }

    /** The event that tells donation-service to give back, once every delivery counted here is spent, what is left. */
    CampaignClosed closedEvent(String reason) {
        return new CampaignClosed(id, reason, deliveriesRecorded, deliveriesReverted);
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getProgrammeId() {
        return programmeId == null ? id : programmeId;
    }

    public int getRound() {
        return round < 1 ? 1 : round;
    }

    public String getPreviousRoundId() {
        return previousRoundId;
    }

    public long getApprovedPersons() {
        return approvedPersons;
    }
}
