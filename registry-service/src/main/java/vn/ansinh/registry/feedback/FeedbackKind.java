package vn.ansinh.registry.feedback;

/** What a resident's feedback is about. */
public enum FeedbackKind {
    /** Bị bỏ sót: a family in hardship left off a list. */
    LEFT_OFF,
    /** Không đúng đối tượng: someone on a list who should not be. */
    WRONGLY_LISTED,
    /** Chưa nhận được hỗ trợ: aid approved but not received. */
    AID_NOT_RECEIVED,
    /** Khác: any other question or suggestion. */
    OTHER
}
