package vn.ansinh.platform.web;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.AntPathMatcher;

/**
 * @param maxBodyBytes     largest request body accepted by default (1 MiB)
 * @param largeBodyPaths   path patterns that accept more, e.g. batch intake, with their limits
 */
@ConfigurationProperties("ansinh.web")
public record WebProperties(Long maxBodyBytes, Map<String, Long> largeBodyPaths) {

    private static final AntPathMatcher MATCHER = new AntPathMatcher();

    public WebProperties {
        maxBodyBytes = maxBodyBytes == null ? 1_048_576L : maxBodyBytes;
        largeBodyPaths = largeBodyPaths == null ? Map.of() : Map.copyOf(largeBodyPaths);
    }

    long limitFor(String path) {
        return largeBodyPaths.entrySet().stream().filter(entry -> MATCHER.match(entry.getKey(), path))
                .mapToLong(Map.Entry::getValue).findFirst().orElse(maxBodyBytes);
    }
}
