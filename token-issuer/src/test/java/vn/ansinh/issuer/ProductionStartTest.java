package vn.ansinh.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.jwk.JWKSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClient;

import vn.ansinh.testkit.TestInfrastructure;

/** The issuer started as production starts it: without the {@code local} profile. */
class ProductionStartTest {

    private static final String STRONG_SECRET = "k3Jq9vX2mZ7pL4tR8wY1nB6cF0hD5sGa";

    @TempDir
    Path directory;

    @Test
    void aDemoSecretStopsTheProcessWithAClearMessage() throws Exception {
        Path key = keyFile();
        ProcessBuilder issuer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TokenIssuerApplication.class.getName())
                .redirectErrorStream(true).redirectOutput(directory.resolve("issuer.log").toFile());
        issuer.environment().putAll(Map.of("PORT", "0", "ANSINH_ISSUER_SIGNING_KEY", key.toString(),
                "MONGODB_URI", TestInfrastructure.mongoUri("issuer-production"),
                "KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrapServers(),
                "ANSINH_ISSUER_CLIENTS_0_CLIENT_ID", "platform-admin", "ANSINH_ISSUER_CLIENTS_0_SECRET", "platform-admin-secret",
                "ANSINH_ISSUER_CLIENTS_0_OFFICE", "VN", "ANSINH_ISSUER_CLIENTS_0_ROLES", "ADMIN"));
        issuer.environment().remove("SPRING_PROFILES_ACTIVE");
        Process process = issuer.start();
        boolean exited = process.waitFor(90, TimeUnit.SECONDS);
        process.destroyForcibly();
        String output = Files.readString(directory.resolve("issuer.log"));

        assertThat(exited).as("the issuer stopped by itself").isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Client 'platform-admin' has a secret published in the repository")
                .contains("ANSINH_ISSUER_CLIENTS_<n>_SECRET")
                .doesNotContain("platform-admin-secret");
    }

    @Test
    void withoutASigningKeyFileItDoesNotStart() {
        assertThatThrownBy(() -> start(List.of(client(STRONG_SECRET))).close())
                .rootCause().isInstanceOf(UnsafeConfigurationException.class)
                .hasMessageContaining("No signing key is configured");
    }

    @Test
    void aShortSecretIsRefusedToo() throws IOException {
        Path key = keyFile();
        assertThatThrownBy(() -> start(List.of("--ansinh.issuer.signing-key.location=" + key, client("short-but-not-demo"))).close())
                .rootCause().isInstanceOf(UnsafeConfigurationException.class)
                .hasMessageContaining("Client 'district-tools' has a secret of 18 characters");
    }

    @Test
    void aTokenIssuedBeforeARestartIsAcceptedAfterIt() throws IOException {
        Path key = keyFile();
        List<String> production = List.of("--ansinh.issuer.signing-key.location=" + key, client(STRONG_SECRET));
        String token;
        try (ConfigurableApplicationContext before = start(production)) {
            token = tokenFrom(port(before));
        }
        try (ConfigurableApplicationContext after = start(production)) {
            Jwt accepted = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port(after) + "/oauth2/jwks").build().decode(token);

            assertThat(accepted.getSubject()).isEqualTo("district-tools");
            assertThat(accepted.getClaimAsString("office")).isEqualTo("783");
        }
    }

    @Test
    void aDatabaseWhereADemoPasswordStillWorksIsRefused() throws IOException {
        String database = TestInfrastructure.mongoUri("issuer-once-local");
        new SpringApplicationBuilder(TokenIssuerApplication.class).properties("spring.config.name=token-issuer")
                .profiles(ProductionCredentials.LOCAL_PROFILE)
                .run("--server.port=0", "--spring.mongodb.uri=" + database,
                        "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers()).close();
        Path key = keyFile();

        assertThatThrownBy(() -> new SpringApplicationBuilder(TokenIssuerApplication.class)
                .properties("spring.config.name=token-issuer")
                .run("--server.port=0", "--spring.mongodb.uri=" + database, "--ansinh.issuer.signing-key.location=" + key,
                        "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers()).close())
                .rootCause().isInstanceOf(UnsafeConfigurationException.class)
                .hasMessageContaining("still has its demo password");
    }

    @Test
    void theDemoClientsDoNotExistOutsideTheLocalRun() throws IOException {
        Path key = keyFile();
        try (ConfigurableApplicationContext issuer = start(List.of("--ansinh.issuer.signing-key.location=" + key))) {
            assertThat(issuer.getBean(OfficeClientsProperties.class).clients()).isEmpty();
        }
    }

    private Path keyFile() throws IOException {
        Path key = directory.resolve("issuer-signing-key.json");
        Files.writeString(key, new JWKSet(SigningKeys.generated()).toString(false));
        return key;
    }

    private static String client(String secret) {
        return "--ansinh.issuer.clients[0].client-id=district-tools --ansinh.issuer.clients[0].secret=" + secret
                + " --ansinh.issuer.clients[0].office=783 --ansinh.issuer.clients[0].roles=OFFICER";
    }

    private static ConfigurableApplicationContext start(List<String> arguments) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.mongodb.uri=" + TestInfrastructure.mongoUri("issuer-production"),
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers()));
        arguments.forEach(argument -> args.addAll(List.of(argument.split(" "))));
        return new SpringApplicationBuilder(TokenIssuerApplication.class)
                .properties("spring.config.name=token-issuer").run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext issuer) {
        return ((WebServerApplicationContext) issuer).getWebServer().getPort();
    }

    private static String tokenFrom(int port) {
        Map<?, ?> answer = RestClient.create().post().uri("http://localhost:" + port + "/oauth2/token")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                        .encodeToString(("district-tools:" + STRONG_SECRET).getBytes(StandardCharsets.UTF_8)))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body("grant_type=client_credentials")
                .retrieve().body(Map.class);
        return (String) answer.get("access_token");
    }
}
