package vn.ansinh.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param publicPaths paths reachable without a token, besides health, metrics and API docs */
@ConfigurationProperties("ansinh.security")
public record SecurityProperties(List<String> publicPaths) {

    public SecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
