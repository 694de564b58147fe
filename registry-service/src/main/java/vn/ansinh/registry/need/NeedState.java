package vn.ansinh.registry.need;

/** SUBMITTED by a resident → VERIFIED by the hamlet or commune → APPROVED or REJECTED. */
enum NeedState {
    SUBMITTED, VERIFIED, APPROVED, REJECTED
}
