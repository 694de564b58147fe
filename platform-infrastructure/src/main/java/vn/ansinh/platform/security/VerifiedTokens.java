package vn.ansinh.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens already verified until they expire. Checking an RS256 signature is the
 * costliest step of a request that does little else (17 % of donation-service's CPU under load,
 * profiled), and a client sends the same token with every request of its lifetime: the same string
 * verifies the same way every time, so it is verified once. A remembered token is refused from the
 * moment it expires, as a fresh check would refuse it.
 */
public final class VerifiedTokens implements JwtDecoder {

    /** Enough for every client and person active at once in an installation; beyond it, start again. */
    static final int MAX_TOKENS = 5_000;

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        Instant now = clock.instant();
        if (known != null && stillValid(known, now)) {
            return known;
        }
        if (known != null) {
            verified.remove(token);
        }
        Jwt jwt = verifier.decode(token); // throws for a bad signature, issuer, audience or lifetime
        if (stillValid(jwt, now)) { // a token without an expiry is verified every time
            if (verified.size() >= MAX_TOKENS) {
                verified.clear(); // cheaper than tracking use; the next requests verify once more
            }
            verified.put(token, jwt);
        }
        return jwt;
    }

    private static boolean stillValid(Jwt jwt, Instant now) {
        return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())
                && (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore()));
    }

    int remembered() {
        return verified.size();
    }
}
