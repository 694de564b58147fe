package vn.ansinh.registry.household;

/** Why a household is no longer on the active lists. */
enum DeactivationReason {
    /** Chuyển đi nơi khác, ngoài địa bàn. */
    MOVED_AWAY,
    /** Chủ hộ (người duy nhất) đã mất. */
    DECEASED,
    /** Hộ bị trùng, đã gộp vào hộ khác. */
    MERGED
}
