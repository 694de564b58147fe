package vn.ansinh.registry.household;

import org.springframework.stereotype.Component;

import vn.ansinh.registry.dedup.DuplicateHouseholds;

/** The households duplicate cases decide about, as the dedup package sees them. */
@Component
class HouseholdsForDuplicateCases implements DuplicateHouseholds {

    private final HouseholdService households;

    HouseholdsForDuplicateCases(HouseholdService households) {
        this.households = households;
    }

    @Override
    public Side side(String householdId) {
        Household household = households.get(householdId);
        return new Side(household.getId(), household.getRegisteredAt(), household.getMergedInto());
    }

    @Override
    public void merge(String householdId, String keptId) {
        households.mergeDuplicate(householdId, keptId);
    }
}
