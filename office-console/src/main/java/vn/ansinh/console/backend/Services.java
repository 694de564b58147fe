package vn.ansinh.console.backend;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import vn.ansinh.console.ConsoleProperties;
import vn.ansinh.console.signin.PersonTokens;

/** The four services, each behind its own circuit breaker. */
@Configuration(proxyBeanMethods = false)
public class Services {

    /**
     * A service that failed half of its last ten calls is left alone for fifteen seconds: pages that
     * need it say so at once instead of each waiting out the timeout. Refusals are answers, not failures.
     */
    @Bean
    CircuitBreakerRegistry circuitBreakers(MeterRegistry meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(4).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(15)).permittedNumberOfCallsInHalfOpenState(2)
                .recordExceptions(ServiceUnavailableException.class).build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    ServiceApis serviceApis(ConsoleProperties properties, CircuitBreakerRegistry breakers, PersonTokens tokens) {
        ConsoleProperties.Services at = properties.services();
        return new ServiceApis(api(Service.REGISTRY, at.registry(), properties, breakers, tokens),
                api(Service.DONATION, at.donation(), properties, breakers, tokens),
                api(Service.DISTRIBUTION, at.distribution(), properties, breakers, tokens),
                api(Service.REPORTING, at.reporting(), properties, breakers, tokens),
                api(Service.ISSUER, at.issuer(), properties, breakers, tokens));
    }

    private static ServiceApi api(Service service, java.net.URI uri, ConsoleProperties properties,
                                  CircuitBreakerRegistry breakers, PersonTokens tokens) {
        return new ServiceApi(service, uri, properties.connectTimeout(), properties.readTimeout(),
                breakers.circuitBreaker(service.name().toLowerCase()), tokens::currentAccessToken);
    }
}
