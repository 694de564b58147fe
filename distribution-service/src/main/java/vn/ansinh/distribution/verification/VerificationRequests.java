package vn.ansinh.distribution.verification;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What approvers, verifiers and the campaign's office send about verification after delivery. */
final class VerificationRequests {

    private static final String NO_CONTROL = "^[^\\p{Cntrl}]*$";

    private VerificationRequests() {
    }

    /**
     * {@code POST /api/v1/campaigns/{id}/verification-samples}: a size or a share of the deliveries (one of
     * the two), a seed to reproduce a draw (chosen at random and recorded when absent), and who besides
     * auditors may record findings.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "DrawSampleRequest")
    record Draw(@Min(1) @Max(10_000) Integer size,
                @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal sharePercent,
                Long seed,
                @Size(max = 20) List<@NotBlank @Size(max = 64) @Pattern(regexp = "^[a-z0-9._@-]+$") String> verifiers) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "RecordVerificationRequest")
    record Finding(@NotNull Outcome outcome, @Size(max = 1000) @Pattern(regexp = NO_CONTROL) String note) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "AnswerVerificationCaseRequest")
    record CaseAnswer(@NotBlank @Size(max = 2000) String answer) {
    }
}
