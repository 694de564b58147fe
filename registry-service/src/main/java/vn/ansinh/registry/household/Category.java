package vn.ansinh.registry.household;

/** Why a household is on the social-security lists (a household can have several). */
public enum Category {
    POOR, NEAR_POOR, RECENTLY_ESCAPED_POVERTY, POLICY_FAMILY, MARTYR_FAMILY, WAR_INVALID, ETHNIC_MINORITY,
    ELDERLY_ALONE, DISABILITY, ORPHAN, LOST_INCOME_WORKER, LOTTERY_SELLER, TENANT, LOCKDOWN_ZONE
}
