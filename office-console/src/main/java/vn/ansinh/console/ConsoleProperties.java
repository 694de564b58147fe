package vn.ansinh.console;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the console finds the platform.
 *
 * @param services          each service's base address, as the console reaches it
 * @param issuerPublicUri   the issuer as browsers reach it (sign-in and sign-out pages)
 * @param dashboardUri      reporting-service's dashboard and public map, as browsers reach them
 * @param residentsProvince the province whose units the residents' page offers first
 * @param connectTimeout    how long to wait for a service to accept a connection
 * @param readTimeout       how long to wait for its answer before the page says it is unavailable
 */
@ConfigurationProperties("ansinh.console")
public record ConsoleProperties(Services services, URI issuerPublicUri, URI dashboardUri, String residentsProvince,
                                Duration connectTimeout, Duration readTimeout) {

    public ConsoleProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        residentsProvince = residentsProvince == null ? "79" : residentsProvince;
    }

    public record Services(URI registry, URI donation, URI distribution, URI reporting, URI issuer) {
    }
}
