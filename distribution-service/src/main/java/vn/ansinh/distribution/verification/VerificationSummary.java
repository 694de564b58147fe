package vn.ansinh.distribution.verification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A campaign's verification after delivery: its samples, how many sampled deliveries were verified, what was
 * found, the verified rate (received in full over verified, in percent; null before any finding) and the
 * cases still waiting for the office's answer.
 */
public record VerificationSummary(String campaignId, List<Sample> samples, long sampled, long verified, Map<Outcome, Long> outcomes,
                                  BigDecimal verifiedRatePercent, long openCases) {

    /** A sample: when and by whom it was drawn, from what, with which seed. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "VerificationSampleView")
    public record Sample(String id, long seed, Integer requestedSize, BigDecimal requestedSharePercent, int drawn,
                         List<VerificationSample.Part> byCommune, List<String> verifiers, String drawnBy, Instant drawnAt) {
        static Sample of(VerificationSample sample) {
            return new Sample(sample.getId(), sample.getSeed(), sample.getRequestedSize(), sample.getRequestedSharePercent(),
                    sample.getDrawn(), sample.getByCommune(), sample.getVerifiers(), sample.getDrawnBy(), sample.getDrawnAt());
        }
    }
}
