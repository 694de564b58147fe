package vn.ansinh.reporting.projection;

import java.util.List;

/**
 * Residents' feedback as the registry published it: one document per piece of feedback with its unit,
 * kind, state and deadline — never the resident's words, for counting only.
 */
public final class FeedbackView {

    public static final String COLLECTION = "feedback_view";
    public static final String UNIT_CODE = "unitCode";
    public static final String KIND = "kind";
    public static final String STATE = "state";
    public static final String DEADLINE = "deadline";
    public static final String SUBMITTED_AT = "submittedAt";

    static final List<String> INDEXED = List.of(UNIT_CODE);

    private FeedbackView() {
    }
}
