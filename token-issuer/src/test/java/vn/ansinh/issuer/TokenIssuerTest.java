package vn.ansinh.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.json.JsonMapper;

@org.springframework.test.context.ActiveProfiles(ProductionCredentials.LOCAL_PROFILE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=token-issuer", "ansinh.issuer-test=true"})
class TokenIssuerTest {

    @org.springframework.test.context.DynamicPropertySource
    static void mongo(org.springframework.test.context.DynamicPropertyRegistry registry) {
        vn.ansinh.testkit.TestInfrastructure.register(registry, "issuer-clients");
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper jsonMapper;

    @Test
    void clientCredentialsTokenNamesTheOfficeAndItsRoles() {
        Map<?, ?> claims = claimsOf(tokenFor("cu-chi-district", "cu-chi-district-secret"));

        assertThat(claims.get("office")).isEqualTo("783");
        assertThat((Iterable<?>) claims.get("roles")).asList().containsExactlyInAnyOrder("OFFICER", "APPROVER");
        assertThat(claims.get("sub")).isEqualTo("cu-chi-district");
        assertThat(claims.get("aud")).isIn("ansinh-api", java.util.List.of("ansinh-api"));
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
                .as("a client taken out of the configuration stops working within the hour").isEqualTo(3600);
    }

    @Test
    void aWrongSecretGetsNoToken() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tokenFor("cu-chi-district", "guess"))
                .isInstanceOf(HttpClientErrorException.Unauthorized.class);
    }

    @Test
    void publishesItsSigningKeys() {
        String jwks = RestClient.create().get().uri("http://localhost:" + port + "/oauth2/jwks").retrieve().body(String.class);
        assertThat(jwks).contains("\"kty\":\"RSA\"");
    }

    @Test
    void healthIsOpenToTheLocalRunAndPrometheus() {
        String health = RestClient.create().get().uri("http://localhost:" + port + "/actuator/health").retrieve().body(String.class);
        assertThat(health).contains("\"status\":\"UP\"");
    }

    private String tokenFor(String client, String secret) {
        Map<?, ?> answer = RestClient.create().post().uri("http://localhost:" + port + "/oauth2/token")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                        .encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials")
                .retrieve().body(Map.class);
        return (String) answer.get("access_token");
    }

    private Map<?, ?> claimsOf(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return jsonMapper.readValue(payload, Map.class);
    }
}
