package vn.ansinh.events;

/**
 * CloudEvents {@code type} values. A type names a business fact and its schema version, never a
 * Java class: a breaking change to a payload gets a new {@code .vN}.
 */
public final class EventTypes {

    public static final String ADMIN_UNIT_RECORDED = "vn.ansinh.registry.adminunit.recorded.v1";
    public static final String UNIT_STATISTICS_RECORDED = "vn.ansinh.registry.adminunit.statistics-recorded.v1";
    public static final String HOUSEHOLD_REGISTERED = "vn.ansinh.registry.household.registered.v1";
    public static final String HOUSEHOLD_UPDATED = "vn.ansinh.registry.household.updated.v1";
    public static final String HOUSEHOLD_MOVED = "vn.ansinh.registry.household.moved.v1";
    public static final String HOUSEHOLD_DEACTIVATED = "vn.ansinh.registry.household.deactivated.v1";
    public static final String HOUSEHOLD_MERGED = "vn.ansinh.registry.household.merged.v1";
    public static final String NEED_SUBMITTED = "vn.ansinh.registry.need.submitted.v1";
    public static final String NEED_VERIFIED = "vn.ansinh.registry.need.verified.v1";
    public static final String NEED_APPROVED = "vn.ansinh.registry.need.approved.v1";
    public static final String NEED_REJECTED = "vn.ansinh.registry.need.rejected.v1";
    public static final String FEEDBACK_RECORDED = "vn.ansinh.registry.feedback.recorded.v1";
    public static final String HOUSEHOLD_POVERTY_STATUS_CHANGED = "vn.ansinh.registry.household.poverty-status-changed.v1";
    public static final String ORGANISATION_REGISTERED = "vn.ansinh.donation.organisation.registered.v1";
    public static final String FUND_OPENED = "vn.ansinh.donation.fund.opened.v1";
    public static final String CASH_DONATION_RECEIVED = "vn.ansinh.donation.cash.received.v1";
    public static final String FUND_ENTRY_RECORDED = "vn.ansinh.donation.fund.entry-recorded.v1";
    public static final String STOCK_ENTRY_RECORDED = "vn.ansinh.donation.stock.entry-recorded.v1";
    public static final String IN_KIND_DONATION_RECEIVED = "vn.ansinh.donation.in-kind.received.v1";
    public static final String RESERVATION_CONFIRMED = "vn.ansinh.donation.reservation.confirmed.v1";
    public static final String RESERVATION_REJECTED = "vn.ansinh.donation.reservation.rejected.v1";
    public static final String CAMPAIGN_APPROVED = "vn.ansinh.distribution.campaign.approved.v1";
    public static final String CAMPAIGN_RESERVATION_REQUESTED = "vn.ansinh.distribution.campaign.reservation-requested.v1";
    public static final String CAMPAIGN_LIST_MERGED = "vn.ansinh.distribution.campaign.list-merged.v1";
    public static final String CAMPAIGN_CLOSED = "vn.ansinh.distribution.campaign.closed.v1";
    public static final String DELIVERY_RECORDED = "vn.ansinh.distribution.delivery.recorded.v1";
    public static final String DELIVERY_REVERTED = "vn.ansinh.distribution.delivery.reverted.v1";
    public static final String VERIFICATION_UPDATED = "vn.ansinh.distribution.verification.updated.v1";
    public static final String HOUSE_UPDATED = "vn.ansinh.distribution.house.updated.v1";

    private EventTypes() {
    }
}
