package vn.ansinh.registry.household;

/**
 * What a person is, for support paid per person of a kind (the city's COVID resolutions paid
 * lottery-ticket sellers, workers who lost income and children orphaned by the pandemic by name).
 */
public enum MemberKind {
    LOTTERY_SELLER, LOST_INCOME_WORKER, FREELANCE_WORKER, ORPHANED_BY_PANDEMIC, PERSON_WITH_DISABILITY, ELDERLY, CHILD
}
