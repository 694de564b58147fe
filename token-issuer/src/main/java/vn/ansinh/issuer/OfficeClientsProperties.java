package vn.ansinh.issuer;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The confidential clients this issuer knows. A client without redirect URIs is an office's machine
 * integration (client-credentials grant, its own office and roles in the token); one with redirect
 * URIs is an app people sign in through (authorization code with PKCE, refresh tokens), whose tokens
 * name the person, their office and roles.
 *
 * @param clients each client: id, secret, the office (administrative unit code, {@code VN} for
 *                national) and its roles; {@code description} is for people reading the list; an app
 *                people sign in through may name where the issuer sends them after signing out
 *                ({@code post-logout-redirect-uris}, OpenID Connect logout)
 */
@ConfigurationProperties("ansinh.issuer")
public record OfficeClientsProperties(List<OfficeClient> clients) {

    public OfficeClientsProperties {
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    public record OfficeClient(String clientId, String secret, String office, List<String> roles, String description,
                               List<String> redirectUris, List<String> postLogoutRedirectUris) {

        public OfficeClient {
            roles = roles == null ? List.of() : List.copyOf(roles);
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
        }

        /** An app people sign in through, rather than a machine acting for its office. */
        public boolean signsPeopleIn() {
            return !redirectUris.isEmpty();
        }
    }
}
