package vn.ansinh.registry.feedback;

/** Where feedback stands: received, given to an officer, answered (the resident sees the answer), closed. */
public enum FeedbackState {
    RECEIVED, ASSIGNED, ANSWERED, CLOSED
}
