package vn.ansinh.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A token is verified once while it lives; an expired one is checked again (and refused), a bad one never remembered. */
class VerifiedTokensTest {

    final Instant issued = Instant.parse("2026-11-30T08:00:00Z");
    final MutableClock clock = new MutableClock(issued);
    final AtomicInteger verifications = new AtomicInteger();

    /** Stands in for the signature check: "good-…" tokens live five minutes, anything else is refused. */
    final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good-") || clock.instant().isAfter(issued.plus(Duration.ofMinutes(5)))) {
            throw new BadJwtException("refused");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("cu-chi-district").issuedAt(issued)
                .expiresAt(issued.plus(Duration.ofMinutes(5))).build();
    };

    @Test
    void aTokenIsVerifiedOnceWhileItLivesAndRefusedOnceItHasExpired() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock);

        for (int request = 0; request < 100; request++) {
            assertThat(tokens.decode("good-1").getSubject()).isEqualTo("cu-chi-district");
        }
        assertThat(verifications.get()).as("one signature check for a hundred requests").isEqualTo(1);

        clock.now = issued.plus(Duration.ofMinutes(5)).plusSeconds(1);
        assertThatThrownBy(() -> tokens.decode("good-1")).as("expired: checked again, and refused").isInstanceOf(BadJwtException.class);
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void aRefusedTokenIsNeverRememberedAndTheMemoryIsBounded() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock);

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications.get()).as("checked each time").isEqualTo(2);

        for (int i = 0; i < VerifiedTokens.MAX_TOKENS + 10; i++) {
            tokens.decode("good-" + i);
        }
        assertThat(tokens.remembered()).isLessThanOrEqualTo(VerifiedTokens.MAX_TOKENS);
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
