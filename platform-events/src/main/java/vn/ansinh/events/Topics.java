package vn.ansinh.events;

import java.util.List;

/** Every topic of the platform. Services create all of them at start-up, so start order does not matter. */
public final class Topics {

    /** The unit tree (key: unit) and each unit's yearly statistics and targets (key: unit:year); compacted, the latest of each kept. */
    public static final Topic ADMIN_UNITS = new Topic("registry.admin-units", 1, true);
    public static final Topic HOUSEHOLDS = new Topic("registry.households", 6, false);
    /** What residents send through the public link — needs and feedback — and what officers did with it. */
    public static final Topic NEEDS = new Topic("registry.needs", 3, false);
    public static final Topic FUNDS = new Topic("donation.funds", 3, false);
    public static final Topic DONATIONS = new Topic("donation.donations", 6, false);
    /** Movements of each office's stock of each item. */
    /** Reservations asked by distribution-service's campaigns, their closing, and deliveries (key: campaign). */
    public static final Topic CAMPAIGNS = new Topic("distribution.campaigns", 6, false);
    /** donation-service's answers to reservation requests (key: campaign). */
    public static final Topic RESERVATIONS = new Topic("donation.reservations", 6, false);
    public static final Topic STOCK = new Topic("donation.stock", 3, false);

    public static final List<Topic> ALL = List.of(ADMIN_UNITS, HOUSEHOLDS, NEEDS, FUNDS, DONATIONS, STOCK, CAMPAIGNS, RESERVATIONS);

    /**
     * donation-service's queue of taken batch donations on their way into the ledgers (not events: no
     * one else reads it). Six partitions, keyed by fund; kept a week — rows are recorded within seconds,
     * the week covers a database that stays away over a holiday.
     */
    public static final Topic DONATION_INTAKE = new Topic("donation.intake", 6, false, 7L * 24 * 60 * 60 * 1000);
    /** Topics one service keeps for itself, declared by that service. */
    public static final List<Topic> INTERNAL = List.of(DONATION_INTAKE);

    private Topics() {
    }
}
