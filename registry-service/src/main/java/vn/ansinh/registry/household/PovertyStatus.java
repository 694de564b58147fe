package vn.ansinh.registry.household;

/** Hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo, or none of these. */
public enum PovertyStatus {
    POOR, NEAR_POOR, RECENTLY_ESCAPED, NONE
}
