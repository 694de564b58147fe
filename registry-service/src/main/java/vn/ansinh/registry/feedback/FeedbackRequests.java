package vn.ansinh.registry.feedback;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.adminunit.UnitKeys;

/** What residents and officers send about feedback. */
final class FeedbackRequests {

    private static final String NO_CONTROL = "^[^\\p{Cntrl}]*$";
    private static final String PHONE = "^(\\+84|84|0)(3|5|7|8|9)[0-9]{8}$";
    private static final String ID = "^[A-Za-z0-9:_-]{1,200}$";

    private FeedbackRequests() {
    }

    /** PUBLIC {@code POST /api/v1/public/feedback}: no account, a phone only if the resident wants a call back. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "SubmitFeedbackRequest")
    record Submit(@NotNull FeedbackKind kind,
                  @NotBlank @Size(max = 16) @Pattern(regexp = UnitKeys.KEY) String unitCode,
                  @Size(max = 100) @Pattern(regexp = NO_CONTROL) String hamlet,
                  @NotBlank @Size(max = 2000) String message,
                  @Pattern(regexp = PHONE) String phone) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "AssignFeedbackRequest")
    record Assign(@NotBlank @Size(max = 64) @Pattern(regexp = "^[a-z0-9._@-]+$") String assignee) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "LinkFeedbackRequest")
    record Link(@Size(max = 64) @Pattern(regexp = ID) String householdId,
                @Size(max = 200) @Pattern(regexp = ID) String campaignId,
                @Size(max = 200) @Pattern(regexp = ID) String deliveryId) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "AnswerFeedbackRequest")
    record Answer(@NotBlank @Size(max = 2000) String answer) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CloseFeedbackRequest")
    record Close(@Size(max = 500) @Pattern(regexp = NO_CONTROL) String note) {
    }
}
