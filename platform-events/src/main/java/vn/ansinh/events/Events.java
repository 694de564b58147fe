package vn.ansinh.events;

import java.util.List;

import vn.ansinh.events.distribution.CampaignApproved;
import vn.ansinh.events.distribution.CampaignClosed;
import vn.ansinh.events.distribution.CampaignListMerged;
import vn.ansinh.events.distribution.CampaignReservationRequested;
import vn.ansinh.events.distribution.DeliveryRecorded;
import vn.ansinh.events.distribution.DeliveryReverted;
import vn.ansinh.events.distribution.HouseUpdated;
import vn.ansinh.events.distribution.VerificationUpdated;
import vn.ansinh.events.donation.CashDonationReceived;
import vn.ansinh.events.donation.FundEntryRecorded;
import vn.ansinh.events.donation.FundOpened;
import vn.ansinh.events.donation.InKindDonationReceived;
import vn.ansinh.events.donation.OrganisationRegistered;
import vn.ansinh.events.donation.ReservationAnswered;
import vn.ansinh.events.donation.StockEntryRecorded;
import vn.ansinh.events.registry.AdminUnitRecorded;
import vn.ansinh.events.registry.FeedbackRecorded;
import vn.ansinh.events.registry.HouseholdDeactivated;
import vn.ansinh.events.registry.HouseholdMerged;
import vn.ansinh.events.registry.HouseholdMoved;
import vn.ansinh.events.registry.HouseholdPovertyStatusChanged;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.events.registry.HouseholdUpdated;
import vn.ansinh.events.registry.UnitStatisticsRecorded;
import vn.ansinh.events.registry.NeedChanged;

/** Every event of the platform, each paired once with its topic and payload class. */
public final class Events {

    public static final EventType<AdminUnitRecorded> ADMIN_UNIT_RECORDED =
            new EventType<>(EventTypes.ADMIN_UNIT_RECORDED, Topics.ADMIN_UNITS, AdminUnitRecorded.class);
    /** A unit's yearly statistics and targets; on the unit tree's topic, keyed by unit and year (compaction keeps the latest). */
    public static final EventType<UnitStatisticsRecorded> UNIT_STATISTICS_RECORDED =
            new EventType<>(EventTypes.UNIT_STATISTICS_RECORDED, Topics.ADMIN_UNITS, UnitStatisticsRecorded.class);

    public static final EventType<HouseholdRegistered> HOUSEHOLD_REGISTERED =
            new EventType<>(EventTypes.HOUSEHOLD_REGISTERED, Topics.HOUSEHOLDS, HouseholdRegistered.class);
    public static final EventType<HouseholdUpdated> HOUSEHOLD_UPDATED =
            new EventType<>(EventTypes.HOUSEHOLD_UPDATED, Topics.HOUSEHOLDS, HouseholdUpdated.class);
    public static final EventType<HouseholdMoved> HOUSEHOLD_MOVED =
            new EventType<>(EventTypes.HOUSEHOLD_MOVED, Topics.HOUSEHOLDS, HouseholdMoved.class);
    public static final EventType<HouseholdDeactivated> HOUSEHOLD_DEACTIVATED =
            new EventType<>(EventTypes.HOUSEHOLD_DEACTIVATED, Topics.HOUSEHOLDS, HouseholdDeactivated.class);
    public static final EventType<HouseholdMerged> HOUSEHOLD_MERGED =
            new EventType<>(EventTypes.HOUSEHOLD_MERGED, Topics.HOUSEHOLDS, HouseholdMerged.class);
    public static final EventType<HouseholdPovertyStatusChanged> HOUSEHOLD_POVERTY_STATUS_CHANGED =
            new EventType<>(EventTypes.HOUSEHOLD_POVERTY_STATUS_CHANGED, Topics.HOUSEHOLDS, HouseholdPovertyStatusChanged.class);

    public static final EventType<NeedChanged> NEED_SUBMITTED = new EventType<>(EventTypes.NEED_SUBMITTED, Topics.NEEDS, NeedChanged.class);
    public static final EventType<NeedChanged> NEED_VERIFIED = new EventType<>(EventTypes.NEED_VERIFIED, Topics.NEEDS, NeedChanged.class);
    public static final EventType<NeedChanged> NEED_APPROVED = new EventType<>(EventTypes.NEED_APPROVED, Topics.NEEDS, NeedChanged.class);
    public static final EventType<NeedChanged> NEED_REJECTED = new EventType<>(EventTypes.NEED_REJECTED, Topics.NEEDS, NeedChanged.class);
    /** Residents' feedback (left off a list, wrongly on one, aid not received): on the residents' topic with their needs. */
    public static final EventType<FeedbackRecorded> FEEDBACK_RECORDED =
            new EventType<>(EventTypes.FEEDBACK_RECORDED, Topics.NEEDS, FeedbackRecorded.class);

    /** An office's organisation: on the funds topic, ahead of the funds it will own (same key: the office). */
    public static final EventType<OrganisationRegistered> ORGANISATION_REGISTERED =
            new EventType<>(EventTypes.ORGANISATION_REGISTERED, Topics.FUNDS, OrganisationRegistered.class);
    public static final EventType<FundOpened> FUND_OPENED = new EventType<>(EventTypes.FUND_OPENED, Topics.FUNDS, FundOpened.class);
    public static final EventType<FundEntryRecorded> FUND_ENTRY_RECORDED =
            new EventType<>(EventTypes.FUND_ENTRY_RECORDED, Topics.FUNDS, FundEntryRecorded.class);
    public static final EventType<CashDonationReceived> CASH_DONATION_RECEIVED =
            new EventType<>(EventTypes.CASH_DONATION_RECEIVED, Topics.DONATIONS, CashDonationReceived.class);
    public static final EventType<InKindDonationReceived> IN_KIND_DONATION_RECEIVED =
            new EventType<>(EventTypes.IN_KIND_DONATION_RECEIVED, Topics.DONATIONS, InKindDonationReceived.class);
    public static final EventType<StockEntryRecorded> STOCK_ENTRY_RECORDED =
            new EventType<>(EventTypes.STOCK_ENTRY_RECORDED, Topics.STOCK, StockEntryRecorded.class);
    public static final EventType<ReservationAnswered> RESERVATION_CONFIRMED =
            new EventType<>(EventTypes.RESERVATION_CONFIRMED, Topics.RESERVATIONS, ReservationAnswered.class);
    public static final EventType<ReservationAnswered> RESERVATION_REJECTED =
            new EventType<>(EventTypes.RESERVATION_REJECTED, Topics.RESERVATIONS, ReservationAnswered.class);

    public static final EventType<CampaignApproved> CAMPAIGN_APPROVED =
            new EventType<>(EventTypes.CAMPAIGN_APPROVED, Topics.CAMPAIGNS, CampaignApproved.class);
    public static final EventType<CampaignReservationRequested> CAMPAIGN_RESERVATION_REQUESTED =
            new EventType<>(EventTypes.CAMPAIGN_RESERVATION_REQUESTED, Topics.CAMPAIGNS, CampaignReservationRequested.class);
    public static final EventType<CampaignListMerged> CAMPAIGN_LIST_MERGED =
            new EventType<>(EventTypes.CAMPAIGN_LIST_MERGED, Topics.CAMPAIGNS, CampaignListMerged.class);
    public static final EventType<CampaignClosed> CAMPAIGN_CLOSED =
            new EventType<>(EventTypes.CAMPAIGN_CLOSED, Topics.CAMPAIGNS, CampaignClosed.class);
    public static final EventType<DeliveryRecorded> DELIVERY_RECORDED =
            new EventType<>(EventTypes.DELIVERY_RECORDED, Topics.CAMPAIGNS, DeliveryRecorded.class);
    public static final EventType<DeliveryReverted> DELIVERY_REVERTED =
            new EventType<>(EventTypes.DELIVERY_REVERTED, Topics.CAMPAIGNS, DeliveryReverted.class);
    public static final EventType<VerificationUpdated> VERIFICATION_UPDATED =
            new EventType<>(EventTypes.VERIFICATION_UPDATED, Topics.CAMPAIGNS, VerificationUpdated.class);
    /** Houses for households in hardship: on the campaigns topic, keyed by the house. */
    public static final EventType<HouseUpdated> HOUSE_UPDATED =
            new EventType<>(EventTypes.HOUSE_UPDATED, Topics.CAMPAIGNS, HouseUpdated.class);

    public static final List<EventType<?>> ALL = List.of(ADMIN_UNIT_RECORDED, UNIT_STATISTICS_RECORDED, HOUSEHOLD_REGISTERED, HOUSEHOLD_UPDATED, HOUSEHOLD_MOVED,
            HOUSEHOLD_DEACTIVATED, HOUSEHOLD_MERGED, HOUSEHOLD_POVERTY_STATUS_CHANGED, NEED_SUBMITTED, NEED_VERIFIED, NEED_APPROVED,
            NEED_REJECTED, FEEDBACK_RECORDED, ORGANISATION_REGISTERED, FUND_OPENED, FUND_ENTRY_RECORDED, CASH_DONATION_RECEIVED, IN_KIND_DONATION_RECEIVED, STOCK_ENTRY_RECORDED,
            RESERVATION_CONFIRMED, RESERVATION_REJECTED, CAMPAIGN_APPROVED, CAMPAIGN_RESERVATION_REQUESTED, CAMPAIGN_LIST_MERGED,
            CAMPAIGN_CLOSED, DELIVERY_RECORDED, DELIVERY_REVERTED, VERIFICATION_UPDATED, HOUSE_UPDATED);

    private Events() {
    }
}
