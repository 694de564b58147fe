package vn.ansinh.distribution.sponsorship;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocument;

/**
 * A recurring pledge to one household or one of its members: a Youth Union sponsoring a pupil at 200,000
 * VND a month, a "godmother" for a child orphaned by COVID. The office records what the sponsor pays
 * against it; what fell due and was not paid is its arrears ({@link PledgeSchedule}). The sponsor hands
 * the money to the family (or through the office): it does not pass through a fund's ledger. Who the
 * beneficiary is stays inside the office: the household's id, never a name, and no event carries it.
 */
@Document("sponsorships")
public class Sponsorship extends OutboxDocument implements Audited {

    enum State { ACTIVE, ENDED }

    /** One payment the sponsor made, as the office recorded it. */
    record SponsorPayment(String id, long amount, LocalDate paidOn, String reference, String note, Instant recordedAt) {
    }

    @Id
    private String id;
    private String officeUnitCode;
    private String organisationCode;
    private String householdId;
    /** Where the household lived when the pledge was made: lists by area read it. */
    private String unitCode;
    /** The member of the household sponsored (1 = the first listed), or null for the whole household. */
    private Integer memberNumber;
    private String sponsor;
    private String purpose;
    private long amount;
    private int everyMonths;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private State state;
    private LocalDate endedOn;
    private String endReason;
    private List<SponsorPayment> payments = new ArrayList<>();
    private Instant createdAt;

    protected Sponsorship() {
    }

    Sponsorship(String id, String officeUnitCode, String organisationCode, String householdId, String unitCode, Integer memberNumber,
                String sponsor, String purpose, long amount, int everyMonths, LocalDate startsOn, LocalDate endsOn, Instant createdAt) {
        this.id = id;
        this.officeUnitCode = officeUnitCode;
        this.organisationCode = organisationCode;
        this.householdId = householdId;
        this.unitCode = unitCode;
        this.memberNumber = memberNumber;
        this.sponsor = sponsor;
        this.purpose = purpose;
        this.amount = amount;
        this.everyMonths = everyMonths;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.state = State.ACTIVE;
        this.createdAt = createdAt;
        auditAs("sponsorship.pledged");
    }

    /** The instalments as they fall: up to its end, or up to the day it was ended early. */
    PledgeSchedule schedule() {
        LocalDate lastDueBy = endedOn != null && (endsOn == null || endedOn.isBefore(endsOn)) ? endedOn : endsOn;
        return new PledgeSchedule(startsOn, everyMonths, lastDueBy, amount);
    }

    long paid() {
        return payments.stream().mapToLong(SponsorPayment::amount).sum();
    }

    Optional<SponsorPayment> payment(String paymentId) {
        return payments.stream().filter(payment -> payment.id().equals(paymentId)).findFirst();
    }

    /**
     * Records a payment. The same bank or receipt reference twice is one payment: a repeat with the same
     * amount and day answers the one there; another amount or day under it is refused.
     *
     * @return the payment recorded, or the one already there
     * @throws Refusal when the day is before the pledge began or after today, or the payment would exceed
     *                 all the pledge asks (a pledge with an end, or one ended)
     */
    SponsorPayment pay(String paymentId, long paid, LocalDate paidOn, String reference, String note, LocalDate today, Instant now) {
        Optional<SponsorPayment> again = payment(paymentId);
        if (again.isPresent()) {
            return again.get();
        }
        if (reference != null) {
            Optional<SponsorPayment> sameReference = payments.stream().filter(payment -> reference.equals(payment.reference())).findFirst();
            if (sameReference.isPresent()) {
                if (sameReference.get().amount() == paid && sameReference.get().paidOn().equals(paidOn)) {
                    return sameReference.get();
                }
                throw Refusal.conflict("sponsorship.payment-reference-taken", reference);
            }
        }
        if (paidOn.isAfter(today)) {
            throw Refusal.invalid("paidOn", "in-the-future");
        }
        if (paidOn.isBefore(startsOn.minusMonths(everyMonths))) {
            throw Refusal.invalid("paidOn", "before-the-pledge");
        }
        Long committed = schedule().committed();
        if (committed != null && paid() + paid > committed) {
            throw Refusal.unprocessable("sponsorship.paid-beyond-pledge", committed - paid());
        }
        SponsorPayment payment = new SponsorPayment(paymentId, paid, paidOn, reference, note, now);
        payments.add(payment);
        auditAs("sponsorship.paid");
        return payment;
    }

    /**
     * Ends the pledge on a day (the pupil finished school, the sponsor stopped): no instalment falls after it,
     * and what fell due before it and was not paid stays owed. Ending it again on the same day changes nothing.
     */
    void end(LocalDate on, String reason) {
        if (state == State.ENDED) {
            if (on.equals(endedOn)) {
                return;
            }
            throw Refusal.conflict("sponsorship.already-ended", endedOn);
        }
        if (on.isBefore(startsOn)) {
            throw Refusal.invalid("on", "before-the-pledge");
        }
        state = State.ENDED;
        endedOn = on;
        endReason = reason;
        auditAs("sponsorship.ended");
    }

    @Override
    public String auditType() {
        return "sponsorship";
    }

    @Override
    public String auditUnit() {
        return officeUnitCode;
    }

    public String getId() {
        return id;
    }

    public String getOfficeUnitCode() {
        return officeUnitCode;
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public String getHouseholdId() {
        return householdId;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public Integer getMemberNumber() {
        return memberNumber;
    }

    public String getSponsor() {
        return sponsor;
    }

    public String getPurpose() {
        return purpose;
    }

    public long getAmount() {
        return amount;
    }

    public int getEveryMonths() {
        return everyMonths;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public State getState() {
        return state;
    }

    public LocalDate getEndedOn() {
        return endedOn;
    }

    public String getEndReason() {
        return endReason;
    }

    public List<SponsorPayment> getPayments() {
        return List.copyOf(payments);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
