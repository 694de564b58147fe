package vn.ansinh.platform.web;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

/**
 * A Resilience4j rate limiter per client address, for endpoints anyone may call (the residents'
 * public link). Only the most recently seen addresses keep a limiter, so a flood of addresses cannot
 * exhaust memory. Addresses are held in memory only, never stored or logged.
 */
public class PerClientRateLimiter {

    private static final int ADDRESSES_KEPT = 20_000;

    private final RateLimiterConfig config;
    private final Map<String, RateLimiter> limiters = Collections.synchronizedMap(
            new LinkedHashMap<>(1_024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
                    return size() > ADDRESSES_KEPT;
                }
            });

    public PerClientRateLimiter(int requests, Duration per) {
        this.config = RateLimiterConfig.custom().limitForPeriod(requests).limitRefreshPeriod(per)
                .timeoutDuration(Duration.ZERO).build();
    }

    /** @throws ApiException 429 with Retry-After when the address has used up its requests */
    public void acquire(String clientAddress) {
        RateLimiter limiter = limiters.computeIfAbsent(clientAddress, address -> RateLimiter.of("client", config));
        if (!limiter.acquirePermission()) {
            throw ApiException.tooManyRequests(config.getLimitRefreshPeriod());
        }
    }
}
