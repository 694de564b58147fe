package vn.ansinh.issuer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the issued tokens say and how long they last.
 *
 * @param audience              the audience every token names; every service accepts no other
 * @param personLifetime        a person's access token: a disabled account stops working within this time
 * @param refreshLifetime       a refresh token of an app with a secret (a working day)
 * @param machineLifetime       an office machine client's access token: a client taken out of the
 *                              configuration stops working within this time
 */
@ConfigurationProperties("ansinh.issuer.tokens")
public record TokenPolicy(String audience, Duration personLifetime, Duration refreshLifetime, Duration machineLifetime) {

    public TokenPolicy {
        audience = audience == null ? "ansinh-api" : audience;
        personLifetime = personLifetime == null ? Duration.ofMinutes(10) : personLifetime;
        refreshLifetime = refreshLifetime == null ? Duration.ofHours(8) : refreshLifetime;
        machineLifetime = machineLifetime == null ? Duration.ofHours(1) : machineLifetime;
    }
}
