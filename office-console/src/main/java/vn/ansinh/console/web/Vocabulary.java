package vn.ansinh.console.web;

import java.util.List;

/** The registry's categories, members' kinds and the kinds of need, in the order the pages offer them. */
public final class Vocabulary {

    private Vocabulary() {
    }

    public static final List<String> CATEGORIES = List.of("POOR", "NEAR_POOR", "RECENTLY_ESCAPED_POVERTY", "POLICY_FAMILY",
            "MARTYR_FAMILY", "WAR_INVALID", "ETHNIC_MINORITY", "ELDERLY_ALONE", "DISABILITY", "ORPHAN",
            "LOST_INCOME_WORKER", "LOTTERY_SELLER", "TENANT", "LOCKDOWN_ZONE");
    public static final List<String> NEED_KINDS = List.of("FOOD", "CASH", "MEDICINE", "SHELTER", "HEALTH_INSURANCE", "SCHOOLING",
            "JOB", "OTHER");
    /** What a person can be for support paid per person of a kind, in the order the member form offers them. */
    public static final List<String> MEMBER_KINDS = List.of("LOTTERY_SELLER", "LOST_INCOME_WORKER", "FREELANCE_WORKER",
            "ORPHANED_BY_PANDEMIC", "PERSON_WITH_DISABILITY", "ELDERLY", "CHILD");
    /** What residents' feedback can be about, in the order the form offers them. */
    public static final List<String> FEEDBACK_KINDS = List.of("LEFT_OFF", "WRONGLY_LISTED", "AID_NOT_RECEIVED", "OTHER");
}
