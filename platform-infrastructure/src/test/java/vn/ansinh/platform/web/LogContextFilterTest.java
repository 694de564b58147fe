package vn.ansinh.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import vn.ansinh.platform.security.CallerOffice;

/** Log lines written while a request is answered name the office and the account, never the person's name. */
class LogContextFilterTest {

    private final LogContextFilter filter = new LogContextFilter("registry-service");

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        MDC.clear();
    }

    @Test
    void aRequestsLogLinesCarryItsOfficeAndAccountAndNothingAfterIt() throws Exception {
        Jwt token = Jwt.withTokenValue("t").header("alg", "RS256").subject("canbo.cuchi.01")
                .claim(CallerOffice.OFFICE_CLAIM, "783").claim("client_id", "office-console").claim("name", "Nguyễn Thị Bảy").build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token));
        Map<String, String> during = new HashMap<>();

        filter.doFilter(new MockHttpServletRequest("POST", "/api/v1/households"), new MockHttpServletResponse(),
                (request, response) -> during.putAll(MDC.getCopyOfContextMap()));

        assertThat(during).containsEntry("office", "783").containsEntry("person", "canbo.cuchi.01")
                .containsEntry("client", "office-console");
        assertThat(during.values()).doesNotContain("Nguyễn Thị Bảy");
        assertThat(MDC.getCopyOfContextMap()).as("cleared after the request").isNullOrEmpty();
    }

    @Test
    void aRequestWithoutATokenAddsNothing() throws Exception {
        Map<String, String> during = new HashMap<>();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/public/map"), new MockHttpServletResponse(), (request, response) -> {
            Map<String, String> context = MDC.getCopyOfContextMap();
            if (context != null) {
                during.putAll(context);
            }
        });
        assertThat(during).isEmpty();
    }
}
