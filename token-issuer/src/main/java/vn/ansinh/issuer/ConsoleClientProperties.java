package vn.ansinh.issuer;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The browser console people sign in to: a public client (no secret can be kept in a web page), so it
 * uses the authorization-code flow with PKCE and gets no refresh token; while the person's session at
 * the issuer lasts, a new token is one redirect away.
 *
 * @param clientId     the console's client id
 * @param redirectUris where the issuer may send a signed-in person back to (exact URIs); none, no console
 */
@ConfigurationProperties("ansinh.issuer.console")
public record ConsoleClientProperties(String clientId, List<String> redirectUris) {

    public ConsoleClientProperties {
        clientId = clientId == null ? "ansinh-console" : clientId;
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
    }
}
