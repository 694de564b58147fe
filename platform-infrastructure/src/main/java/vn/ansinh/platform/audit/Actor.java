package vn.ansinh.platform.audit;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import vn.ansinh.platform.security.CallerOffice;

/**
 * Who did something: the person or machine client of the request's token ({@code sub}), their name and
 * office, and the client they came through. Outside a request (an event being applied) it is the
 * service itself.
 *
 * @param id     the token's subject: a person's username, or a machine client's id
 * @param name   a person's name, or null for machines
 * @param office the office the token is for
 * @param client the client the token was issued to
 */
public record Actor(String id, String name, String office, String client) {

    public static final String CLIENT_CLAIM = "client_id";
    /** Work done later for someone who asked for it (an import job's rows, for the person who uploaded the file). */
    private static final ThreadLocal<Actor> ON_BEHALF_OF = new ThreadLocal<>();
    public static final String NAME_CLAIM = "name";

    /** The caller of the current request, or {@code system:<service>} when there is none. */
    public static Actor current(String service) {
        Actor onBehalfOf = ON_BEHALF_OF.get();
        if (onBehalfOf != null) {
            return onBehalfOf;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            var jwt = token.getToken();
            String client = jwt.getClaimAsString(CLIENT_CLAIM);
            return new Actor(token.getName(), jwt.getClaimAsString(NAME_CLAIM), jwt.getClaimAsString(CallerOffice.OFFICE_CLAIM),
                    client == null ? token.getName() : client);
        }
        if (authentication != null && authentication.isAuthenticated() && authentication.getName() != null
                && !"anonymousUser".equals(authentication.getName())) {
            return new Actor(authentication.getName(), null, null, null);
        }
        return new Actor("system:" + service, null, null, null);
    }

    /**
     * Runs work for someone who is not the current caller: a background job does what a person asked for,
     * and the audit trail names that person (and the job, as the client).
     */
    public static <T> T onBehalfOf(String id, String office, String through, java.util.function.Supplier<T> work) {
        Actor before = ON_BEHALF_OF.get();
        ON_BEHALF_OF.set(new Actor(id, null, office, through));
        try {
            return work.get();
        } finally {
            if (before == null) {
                ON_BEHALF_OF.remove();
            } else {
                ON_BEHALF_OF.set(before);
            }
        }
    }
}
