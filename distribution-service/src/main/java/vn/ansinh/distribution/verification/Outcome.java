package vn.ansinh.distribution.verification;

/** What a verifier found when asking a sampled household about its delivery. */
public enum Outcome {
    /** Đã nhận đủ. */
    RECEIVED_IN_FULL,
    /** Nhận thiếu. */
    RECEIVED_IN_PART,
    /** Không nhận được. */
    NOT_RECEIVED,
    /** Không tìm thấy hộ. */
    NOT_FOUND;

    /** Anything but a full receipt is a discrepancy the campaign's office must answer. */
    boolean isDiscrepancy() {
        return this != RECEIVED_IN_FULL;
    }
}
