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
            if (!isJob(service)) {
                assertThat(((Map<?, ?>) service.get("healthcheck")).get("test")).as("%s's health check test", name).isNotNull();
            }
            Object dependsOn = service.get("depends_on");
            if (dependsOn != null) {
                assertThat(dependsOn).as("%s names conditions for what it waits for", name).isInstanceOf(Map.class);
                ((Map<?, ?>) dependsOn).forEach((dependency, condition) -> {
                    assertThat(services).as("%s depends on a container of the file", name).containsKey((String) dependency);
                    // A server must be healthy; a job (kafka-setup) must have finished without error.
                    assertThat(((Map<?, ?>) condition).get("condition")).as("%s waits for %s", name, dependency)
                            .isEqualTo(isJob(services.get((String) dependency)) ? "service_completed_successfully" : "service_healthy");
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
                    .startsWith("mongodb://" + name + "-service:${MONGO_" + name.toUpperCase(java.util.Locale.ROOT) + "_PASSWORD}@mongo-" + name + ":27017/" + name + "?")
                    .contains("authSource=admin").contains("replicaSet=rs0");
            assertThat(stringsOf(List.copyOf(((Map<?, ?>) service.get("depends_on")).keySet()))).as(name).contains("kafka-setup");
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

    @Test
    void everyConnectionAuthenticatesAsItsOwnUserAndNoPasswordIsInTheFile() throws Exception {
        Map<String, Map<String, Object>> services = services();
        Map<?, ?> broker = (Map<?, ?>) services.get("kafka-1").get("environment");
        assertThat(String.valueOf(broker.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"))).doesNotContain(":PLAINTEXT");
        assertThat(String.valueOf(broker.get("KAFKA_SUPER_USERS"))).isEqualTo("User:admin");
        assertThat(String.valueOf(broker.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND"))).isEqualTo("false");
        for (String name : List.of("registry-service", "donation-service", "distribution-service", "reporting-service", "token-issuer")) {
            Map<?, ?> environment = (Map<?, ?>) services.get(name).get("environment");
            assertThat(String.valueOf(environment.get("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL"))).as(name).isEqualTo("SASL_PLAINTEXT");
            assertThat(String.valueOf(environment.get("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM"))).as(name).isEqualTo("SCRAM-SHA-512");
            String jaas = String.valueOf(environment.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"));
            assertThat(jaas).as("%s is its own Kafka user", name).contains("username=\"" + name + "\"").contains("password=\"${KAFKA_");
            assertThat(environment.get("SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SASL_JAAS_CONFIG")).as(name).isEqualTo(jaas);
        }
        for (String database : List.of("registry", "donation", "distribution", "reporting", "issuer")) {
            Map<?, ?> environment = (Map<?, ?>) services.get("mongo-" + database).get("environment");
            assertThat(String.valueOf(environment.get("ANSINH_DB_NAME"))).isEqualTo(database);
            assertThat(String.valueOf(environment.get("MONGO_INITDB_ROOT_PASSWORD"))).startsWith("${MONGO_ROOT_PASSWORD");
            assertThat(stringsOf(services.get("mongo-" + database).get("command"))).contains("/opt/ansinh/start.sh");
        }
        // Every variable the file uses is in the example env file, and every secret there is the placeholder
        // that the services, databases and the Kafka set-up refuse.
        String compose = Files.readString(COMPOSE, StandardCharsets.UTF_8);
        Map<String, String> example = new java.util.HashMap<>();
        for (String line : Files.readAllLines(Path.of("..", "deploy", "ansinh.env.example"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                example.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        Matcher variable = Pattern.compile("\\$\\{([A-Z_]+)(:[-?][^}]*)?}").matcher(compose);
        while (variable.find()) {
            if (variable.group(2) == null || variable.group(2).startsWith(":?")) {
                assertThat(example).as("the example env file sets %s", variable.group(1)).containsKey(variable.group(1));
            }
        }
        example.forEach((name, value) -> {
            if (name.contains("PASSWORD") || name.contains("KEY")) {
                assertThat(value).as(name).isEqualTo("CHANGE-ME");
            }
        });
        for (String script : List.of("mongo/start.sh", "kafka/setup.sh")) {
            assertThat(Files.readString(Path.of("..", "deploy", script), StandardCharsets.UTF_8)).as(script).contains("*CHANGE-ME*");
        }
    }

    @Test
    void theKafkaSetUpGrantsWhatKubernetesGrants() throws Exception {
        Set<String> compose = new HashSet<>();
        Matcher acl = Pattern.compile("(?m)^acl (\\S+) (\\S+) (\\S+) '([^']+)' (.+)$")
                .matcher(Files.readString(Path.of("..", "deploy", "kafka", "setup.sh"), StandardCharsets.UTF_8));
        while (acl.find()) {
            compose.add(String.join(" ", acl.group(1), acl.group(2), acl.group(3), acl.group(4), acl.group(5)));
        }
        Set<String> kubernetes = new HashSet<>();
        try (Reader reader = Files.newBufferedReader(Path.of("..", "deploy", "kubernetes", "base", "kafka", "users.yaml"), StandardCharsets.UTF_8)) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document instanceof Map<?, ?> user) {
                    String name = (String) ((Map<?, ?>) user.get("metadata")).get("name");
                    for (Object entry : (List<?>) ((Map<?, ?>) ((Map<?, ?>) user.get("spec")).get("authorization")).get("acls")) {
                        Map<?, ?> resource = (Map<?, ?>) ((Map<?, ?>) entry).get("resource");
                        kubernetes.add(String.join(" ", name, (String) resource.get("type"), (String) resource.get("patternType"),
                                (String) resource.get("name"), String.join(" ", stringsOf(((Map<?, ?>) entry).get("operations")))));
                    }
                }
            }
        }
        assertThat(compose).isNotEmpty().isEqualTo(kubernetes);
    }

    @Test
    void onlyTheProxyAndGrafanaAreReachableFromOutsideTheHost() throws Exception {
        Map<String, Map<String, Object>> services = services();
        assertThat(stringsOf(services.get("proxy").get("ports"))).containsExactlyInAnyOrder("80:80", "443:443");
        services.forEach((name, service) -> {
            if (!name.equals("proxy") && !name.equals("grafana")) {
                assertThat(stringsOf(service.get("ports"))).as("%s publishes on the host's loopback only", name)
                        .allMatch(mapping -> mapping.startsWith("127.0.0.1:"));
            }
        });
        Map<?, ?> console = (Map<?, ?>) services.get("office-console").get("environment");
        assertThat(String.valueOf(console.get("ANSINH_TRUSTED_PROXIES"))).as("the console believes the proxy").contains("172\\.28\\.0\\.80");
        assertThat(String.valueOf(console.get("ANSINH_SECURE_COOKIES"))).contains("true");
    }

    private static boolean isJob(Map<String, Object> service) {
        return "no".equals(String.valueOf(service.get("restart")));
    }

    private static List<String> stringsOf(Object list) {
        return list == null ? List.of() : ((List<?>) list).stream().map(String::valueOf).toList();
    }
}
