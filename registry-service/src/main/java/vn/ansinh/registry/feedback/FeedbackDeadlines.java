package vn.ansinh.registry.feedback;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long an office has to answer each kind of feedback ({@code ansinh.registry.feedback.deadlines.*},
 * in days). Aid not received is the most urgent: a family is waiting for it now.
 */
@ConfigurationProperties("ansinh.registry.feedback")
public record FeedbackDeadlines(Map<FeedbackKind, Integer> deadlines) {

    private static final Map<FeedbackKind, Integer> DEFAULT_DAYS = Map.of(FeedbackKind.AID_NOT_RECEIVED, 5,
            FeedbackKind.LEFT_OFF, 10, FeedbackKind.WRONGLY_LISTED, 10, FeedbackKind.OTHER, 15);

    public FeedbackDeadlines {
        Map<FeedbackKind, Integer> days = new EnumMap<>(DEFAULT_DAYS);
        if (deadlines != null) {
            deadlines.forEach((kind, n) -> {
                if (n == null || n < 1) {
                    throw new IllegalArgumentException("ansinh.registry.feedback.deadlines." + kind + " must be at least 1 day");
                }
                days.put(kind, n);
            });
        }
        deadlines = Map.copyOf(days);
    }

    Duration of(FeedbackKind kind) {
        return Duration.ofDays(deadlines.get(kind));
    }
}
