package vn.ansinh.console.signin;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.ansinh.console.backend.SignInAgainException;

/**
 * The signed-in person's access token, from their server-side session: renewed with the refresh
 * token when it has expired, never sent to the browser.
 */
@Component
public class PersonTokens {

    public static final String REGISTRATION = "ansinh";

    private final OAuth2AuthorizedClientManager clients;

    public PersonTokens(OAuth2AuthorizedClientManager clients) {
        this.clients = clients;
    }

    public String currentAccessToken() {
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        if (!(person instanceof OAuth2AuthenticationToken)) {
            throw new SignInAgainException("no one is signed in");
        }
        ServletRequestAttributes request = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        OAuth2AuthorizedClient client;
        try {
            client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(person)
                    .attribute(HttpServletRequest.class.getName(), request.getRequest())
                    .attribute(HttpServletResponse.class.getName(), request.getResponse()).build());
        } catch (OAuth2AuthorizationException refused) {
            // The refresh token was refused (account disabled, session ended at the issuer).
            throw new SignInAgainException("the issuer refused to renew the token: " + refused.getError().getErrorCode());
        }
        if (client == null) {
            throw new SignInAgainException("no token in the session");
        }
        return client.getAccessToken().getTokenValue();
    }
}
