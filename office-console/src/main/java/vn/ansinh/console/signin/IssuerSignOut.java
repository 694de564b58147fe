package vn.ansinh.console.signin;

import java.io.IOException;
import java.net.URI;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * After the console's session ends, the issuer's ends too (OpenID Connect RP-initiated logout): at a
 * shared desk, the next person to sign in must type their own password. The issuer sends the browser
 * back to the console's front page.
 */
class IssuerSignOut implements LogoutSuccessHandler {

    private final URI issuer;
    private final String clientId;

    IssuerSignOut(URI issuer, String clientId) {
        this.issuer = issuer;
        this.clientId = clientId;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        String back = ServletUriComponentsBuilder.fromContextPath(request).path("/").build().toUriString();
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser person)) {
            response.sendRedirect(back);
            return;
        }
        response.sendRedirect(UriComponentsBuilder.fromUri(issuer).path("/connect/logout")
                .queryParam("id_token_hint", person.getIdToken().getTokenValue())
                .queryParam("client_id", clientId)
                .queryParam("post_logout_redirect_uri", back)
                .encode().build().toUriString());
    }
}
