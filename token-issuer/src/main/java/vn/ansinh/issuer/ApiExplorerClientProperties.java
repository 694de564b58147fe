package vn.ansinh.issuer;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Swagger UI of each service ("Authorize" on /swagger-ui.html): a person tries the API as themself. A
 * public client like the console (a web page keeps no secret): authorization code with PKCE, no refresh
 * token; the token is the person's, with their office and roles, so the API answers as it would them.
 *
 * @param clientId     the client id Swagger UI presents
 * @param redirectUris each service's {@code /swagger-ui/oauth2-redirect.html} (exact URIs); none, no sign-in there
 */
@ConfigurationProperties("ansinh.issuer.api-explorer")
public record ApiExplorerClientProperties(String clientId, List<String> redirectUris) {

    public ApiExplorerClientProperties {
        clientId = clientId == null ? "ansinh-api-explorer" : clientId;
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
    }
}
