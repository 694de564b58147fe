package vn.ansinh.distribution.housing;

/**
 * Whether a house may be approved under a twinning: the twinning package answers (houses do not know
 * twinnings; twinnings count their houses).
 */
public interface HouseTwinnings {

    /**
     * @param twinningId   the twinning the house would be built under
     * @param householdUnit where the household lives
     * @throws vn.ansinh.platform.domain.Refusal when the caller may not use the twinning, it has ended, or
     *                                           the household lives outside the twinned village's commune
     */
    void requireUsableFor(String twinningId, String householdUnit);
}
