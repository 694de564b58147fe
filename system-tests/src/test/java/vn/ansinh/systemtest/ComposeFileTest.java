package vn.ansinh.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The production compose file cannot be started here, so what can be checked on the file is: every
 * container has a health check, everything waits for what it needs to be healthy (each service for its
 * own database, the brokers and the issuer), each service's health check asks its own port, no two
 * containers publish the same host port, and the monitoring is not open to anonymous visitors.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    private static final Pattern HEALTH_URL = Pattern.compile("http://localhost:(\\d+)/actuator/health/readiness");
    private static final List<String> BUSINESS_SERVICES = List.of("registry", "donation", "distribution", "reporting");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws Exception {
        try (Reader reader = Files.newBufferedReader(COMPOSE, StandardCharsets.UTF_8)) {
            Map<String, Object> file = new Yaml().load(reader);
            return (Map<String, Map<String, Object>>) file.get("services");
        }
    }

    @Test
    void everyContainerHasAHealthCheckAndWaitsForWhatItNeedsToBeHealthy() throws Exception {
        Map<String, Map<String, Object>> services = services();
        assertThat(services).containsKeys("kafka-1", "kafka-2", "kafka-3", "token-issuer", "office-console", "prometheus", "grafana");
        services.forEach((name, service) -> {
            assertThat(service.get("healthcheck")).as("%s has a health check", name).isInstanceOf(Map.class);
            assertThat(((Map<?, ?>) service.get("healthcheck")).get("test")).as("%s's health check test", name).isNotNull();
            Object dependsOn = service.get("depends_on");
            if (dependsOn != null) {
                assertThat(dependsOn).as("%s names conditions for what it waits for", name).isInstanceOf(Map.class);
                ((Map<?, ?>) dependsOn).forEach((dependency, condition) -> {
                    assertThat(services).as("%s depends on a container of the file", name).containsKey((String) dependency);
                    assertThat(((Map<?, ?>) condition).get("condition")).as("%s waits for %s to be healthy", name, dependency)
                            .isEqualTo("service_healthy");
                });
            }
        });
    }

    @Test
    void eachServiceWaitsForItsOwnDatabaseTheBrokersAndTheIssuerAndIsCheckedOnItsOwnPort() throws Exception {
        Map<String, Map<String, Object>> services = services();
        for (String name : BUSINESS_SERVICES) {
            Map<String, Object> service = services.get(name + "-service");
            assertThat(stringsOf(List.copyOf(((Map<?, ?>) service.get("depends_on")).keySet()))).as(name)
                    .contains("mongo-" + name, "kafka-1", "kafka-2", "kafka-3", "token-issuer");
            assertThat(String.valueOf(((Map<?, ?>) service.get("environment")).get("MONGODB_URI"))).as("%s's database", name)
                    .startsWith("mongodb://mongo-" + name + ":");
        }
        for (String name : List.of("registry-service", "donation-service", "distribution-service", "reporting-service", "token-issuer",
                "office-console")) {
            Map<String, Object> service = services.get(name);
            Matcher url = HEALTH_URL.matcher(String.join(" ", stringsOf(((Map<?, ?>) service.get("healthcheck")).get("test"))));
            assertThat(url.find()).as("%s's health check asks its readiness probe", name).isTrue();
            assertThat(stringsOf(service.get("ports"))).as("%s's health check asks the port it serves", name)
                    .anyMatch(port -> port.endsWith(":" + url.group(1)));
        }
    }

    @Test
    void noTwoContainersPublishTheSameHostPort() throws Exception {
        Set<String> hostPorts = new HashSet<>();
        services().forEach((name, service) -> {
            for (String mapping : stringsOf(service.get("ports"))) {
                assertThat(hostPorts.add(mapping.substring(0, mapping.lastIndexOf(':')))).as("%s publishes %s once", name, mapping).isTrue();
            }
        });
    }

    @Test
    void everyContainerHasAMemoryLimitAndEveryJvmSizesItsHeapFromIt() throws Exception {
        services().forEach((name, service) -> {
            assertThat(service.get("mem_limit")).as("%s has a memory limit", name).isNotNull();
            if (String.valueOf(service.get("image")).contains("${ANSINH_VERSION")) {
                Object options = ((Map<?, ?>) service.get("environment")).get("JAVA_TOOL_OPTIONS");
                assertThat(String.valueOf(options)).as("%s's heap follows its limit", name).contains("-XX:MaxRAMPercentage=");
            }
        });
    }

    @Test
    void monitoringIsNotOpenToAnonymousVisitors() throws Exception {
        Map<String, Map<String, Object>> services = services();
        assertThat(services.get("prometheus")).as("Prometheus has no sign-in: it publishes no port").doesNotContainKey("ports");
        Map<?, ?> grafana = (Map<?, ?>) services.get("grafana").get("environment");
        assertThat(String.valueOf(grafana.get("GF_AUTH_ANONYMOUS_ENABLED"))).isEqualTo("false");
        assertThat(String.valueOf(grafana.get("GF_USERS_ALLOW_SIGN_UP"))).isEqualTo("false");
        assertThat(String.valueOf(grafana.get("GF_SECURITY_ADMIN_PASSWORD__FILE"))).startsWith("/run/secrets/");
        assertThat(grafana.containsKey("GF_SECURITY_ADMIN_PASSWORD")).as("no password in the file").isFalse();
    }

    private static List<String> stringsOf(Object list) {
        return list == null ? List.of() : ((List<?>) list).stream().map(String::valueOf).toList();
    }
}
