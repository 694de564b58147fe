package vn.ansinh.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The header checks written without regular expressions give Spring Security's own answers. */
class HeaderChecksTest {

    private static final String TOKEN = "eyJraWQiOiJhbnNpbmgifQ.eyJzdWIiOiJjdS1jaGkifQ.c2lnbmF0dXJlLV9-Ky8";

    @Test
    void headerValuesAreAllowedExactlyWhenTheFirewallsOwnRuleAllowsThem() {
        List<String> values = new ArrayList<>(List.of("", "Bearer " + TOKEN, "vi-VN,vi;q=0.9", "tab\there", "Huyện Củ Chi",
                "line\nbreak", "nul\u0000", "del\u007F", "c1\u0085control", "unassigned\u0378", "emoji 😀", "lone \uD800 surrogate",
                "private\uE000use"));
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder value = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                int pick = random.nextInt(4);
                value.appendCodePoint(pick == 0 ? random.nextInt(0x100) : pick == 1 ? random.nextInt(0x3000)
                        : pick == 2 ? 0x20 + random.nextInt(0x5F) : random.nextInt(0x110000));
            }
            values.add(value.toString());
        }
        for (String value : values) {
            assertThat(HeaderValues.allowed(value)).as("%s", value.codePoints().boxed().toList())
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value));
        }
    }

    @Test
    void bearerTokensAreReadAsTheDefaultResolverReadsThem() {
        AuthorizationHeaderTokens tokens = new AuthorizationHeaderTokens();
        DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
        List<String> headers = new ArrayList<>(List.of("Bearer " + TOKEN, "bearer " + TOKEN, "BEARER " + TOKEN, "Bearer abc==",
                "Basic Y3UtY2hpOnNlY3JldA==", "Bearer", "Bearer ", "Bearer  " + TOKEN, "Bearer a b", "Bearer a=b", "Bearer =",
                "Bearer abc\u00e9", "Bearertoken", "Token " + TOKEN, "Bearer " + TOKEN + " "));
        headers.add(null);
        for (String header : headers) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/donations");
            if (header != null) {
                request.addHeader("Authorization", header);
            }
            String expected;
            try {
                expected = spring.resolve(request);
            } catch (OAuth2AuthenticationException malformed) {
                assertThatThrownBy(() -> tokens.resolve(request)).as(header).isInstanceOf(OAuth2AuthenticationException.class)
                        .hasMessage(malformed.getMessage());
                continue;
            }
            assertThat(tokens.resolve(request)).as(header).isEqualTo(expected);
        }
    }

    @Test
    void aTokenAlsoInTheQueryOrAFormGetsTheDefaultResolversAnswer() {
        MockHttpServletRequest query = new MockHttpServletRequest("GET", "/api/v1/funds");
        query.addHeader("Authorization", "Bearer " + TOKEN);
        query.setQueryString("access_token=other");
        query.addParameter("access_token", "other");
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/api/v1/funds");
        form.setContentType("application/x-www-form-urlencoded");
        form.addParameter("access_token", "other");
        for (MockHttpServletRequest request : List.of(query, form)) {
            assertThat(answerOf(new AuthorizationHeaderTokens(), request)).isEqualTo(answerOf(new DefaultBearerTokenResolver(), request));
        }
    }

    private static String answerOf(org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver,
                                   MockHttpServletRequest request) {
        try {
            return "token " + resolver.resolve(request);
        } catch (OAuth2AuthenticationException refused) {
            return "refused " + refused.getMessage();
        }
    }
}
