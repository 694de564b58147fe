package vn.ansinh.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import vn.ansinh.events.Topic;
import vn.ansinh.events.Topics;

/**
 * The production overlay under deploy/kubernetes, rendered the way an operator applies it
 * ({@code kubectl kustomize}), read as Kubernetes' own types, and checked against the code: every
 * topic the code declares with its partitions and retention, every service's consumers allowed by its
 * Kafka user and nothing written outside its own topics, every service's database user, probes,
 * resources, disruption budgets, autoscalers and scraping for each application.
 */
class KubernetesManifestsTest {

    private static final Path OVERLAY = Path.of("..", "deploy", "kubernetes", "overlays", "production");
    private static final Map<String, String> OWN_TOPIC_PREFIX = Map.of("registry-service", "registry.", "donation-service", "donation.",
            "distribution-service", "distribution.", "reporting-service", "-", "token-issuer", "-");
    private static List<HasMetadata> objects;

    @BeforeAll
    static void render() throws Exception {
        Assumptions.assumeTrue(kubectlInstalled(), "kubectl is not installed (.ci/run installs it: apt-get install kubectl)");
        Process kustomize = new ProcessBuilder("kubectl", "kustomize", OVERLAY.toString()).redirectErrorStream(false).start();
        String rendered = new String(kustomize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(kustomize.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kustomize.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kustomize.exitValue()).as(errors).isZero();
        Object parsed = new KubernetesSerialization().unmarshal(rendered);
        objects = new ArrayList<>();
        if (parsed instanceof List<?> list) {
            list.forEach(object -> objects.add((HasMetadata) object));
        } else {
            objects.add((HasMetadata) parsed);
        }
    }

    private static boolean kubectlInstalled() {
        try {
            return new ProcessBuilder("kubectl", "version", "--client").start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException absent) {
            return false;
        }
    }

    @Test
    void everyApplicationRunsAsSeveralProbedLimitedNonRootInstancesWithABudgetAnAutoscalerAndScraping() {
        List<Deployment> deployments = of(Deployment.class);
        assertThat(deployments).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrder("token-issuer", "registry-service",
                "donation-service", "distribution-service", "reporting-service", "office-console");
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            assertThat(deployment.getMetadata().getNamespace()).isEqualTo("ansinh");
            assertThat(deployment.getSpec().getReplicas()).as(name).isEqualTo(3);
            assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getImage()).as(name).isEqualTo("ghcr.io/ansinh/" + name + ":0.1.0");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).as(name).isEqualTo("/actuator/health/readiness");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).as(name).isEqualTo("/actuator/health/liveness");
            assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(name).containsKey("memory");
            int port = container.getPorts().get(0).getContainerPort();
            Service service = named(Service.class, name);
            assertThat(service.getSpec().getPorts().get(0).getPort()).as(name).isEqualTo(port);
            assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(named(PodDisruptionBudget.class, name).getSpec().getSelector().getMatchLabels())
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            HorizontalPodAutoscaler autoscaler = named(HorizontalPodAutoscaler.class, name);
            assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
            assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(3);
            GenericKubernetesResource monitor = generic("ServiceMonitor", name);
            assertThat(monitor.get("spec", "endpoints").toString()).contains("path=/actuator/prometheus").contains("port=http");
        }
        for (String consumer : List.of("registry-service", "donation-service", "distribution-service", "reporting-service")) {
            assertThat(named(HorizontalPodAutoscaler.class, consumer).getSpec().getMetrics())
                    .as("%s scales on its consumers' lag too", consumer)
                    .anySatisfy(metric -> assertThat(metric.getPods() == null ? null : metric.getPods().getMetric().getName())
                            .isEqualTo("kafka_consumer_fetch_manager_records_lag_max"));
        }
    }

    @Test
    void theBrokersCreateExactlyTheTopicsTheCodeDeclares() {
        List<Topic> declared = new ArrayList<>(Topics.ALL);
        declared.addAll(Topics.INTERNAL);
        List<GenericKubernetesResource> topics = generics("KafkaTopic");
        assertThat(topics).extracting(topic -> (String) topic.get("spec", "topicName"))
                .containsExactlyInAnyOrderElementsOf(declared.stream().map(Topic::name).toList());
        for (Topic topic : declared) {
            GenericKubernetesResource resource = topics.stream().filter(t -> topic.name().equals(t.get("spec", "topicName"))).findFirst()
                    .orElseThrow();
            assertThat((Integer) resource.get("spec", "partitions")).as(topic.name()).isEqualTo(topic.partitions());
            assertThat((Integer) resource.get("spec", "replicas")).isEqualTo(3);
            Map<String, Object> config = resource.get("spec", "config");
            assertThat(config.get("cleanup.policy")).as(topic.name()).isEqualTo(topic.compacted() ? "compact" : "delete");
            if (!topic.compacted()) {
                assertThat(((Number) config.get("retention.ms")).longValue()).as(topic.name()).isEqualTo(topic.retentionMs());
            }
        }
        GenericKubernetesResource kafka = generic("Kafka", "ansinh");
        assertThat(kafka.getMetadata().getAnnotations()).containsEntry("strimzi.io/kraft", "enabled");
        assertThat(kafka.get("spec", "kafka", "config").toString()).contains("min.insync.replicas=2").contains("auto.create.topics.enable=false");
        assertThat(kafka.get("spec", "kafka", "authorization").toString()).contains("type=simple");
        assertThat(generics("KafkaNodePool")).singleElement().satisfies(pool ->
                assertThat(pool.get("spec", "roles").toString()).contains("controller").contains("broker"));
    }

    @Test
    void eachServiceMayReadWhatItConsumesAndWritesOnlyItsOwnTopicsAndDeadLetters() throws IOException {
        for (String service : OWN_TOPIC_PREFIX.keySet()) {
            List<Map<String, Object>> acls = generic("KafkaUser", service).get("spec", "authorization", "acls");
            Set<String> readable = names(acls, "topic", "Read");
            Set<String> writable = names(acls, "topic", "Write");
            Set<String> groups = names(acls, "group", "Read");
            Set<String> creatable = names(acls, "topic", "Create");
            Map<String, String[]> bindings = consumerBindings(service);
            assertThat(bindings).as(service).isNotEmpty();
            bindings.forEach((binding, destinationGroupDlq) -> {
                String topic = destinationGroupDlq[0];
                assertThat(allows(readable, topic)).as("%s reads %s", service, topic).isTrue();
                assertThat(groups).as(service).contains(destinationGroupDlq[1]);
                assertThat(allows(creatable, destinationGroupDlq[2]) && allows(writable, destinationGroupDlq[2]))
                        .as("%s parks in %s", service, destinationGroupDlq[2]).isTrue();
            });
            Set<String> consumed = bindings.values().stream().map(b -> b[0]).collect(Collectors.toSet());
            Set<String> deadLetters = bindings.values().stream().map(b -> b[2]).collect(Collectors.toSet());
            for (String name : writable) {
                assertThat(name.endsWith(".") ? name.equals(OWN_TOPIC_PREFIX.get(service))
                        : consumed.contains(name) || deadLetters.contains(name) || name.startsWith(OWN_TOPIC_PREFIX.get(service)))
                        .as("%s may write %s", service, name).isTrue();
            }
        }
    }

    @Test
    void eachServiceReachesItsOwnReplicaSetAsItsOwnUser() {
        Map<String, String> databaseOf = Map.of("registry-service", "registry", "donation-service", "donation", "distribution-service",
                "distribution", "reporting-service", "reporting", "token-issuer", "issuer");
        databaseOf.forEach((service, database) -> {
            Container container = named(Deployment.class, service).getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, EnvVar> env = container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
            assertThat(env.get("MONGODB_URI").getValueFrom().getSecretKeyRef().getName()).as(service)
                    .isEqualTo("mongo-" + database + "-admin-" + service);
            assertThat(env.get("SPRING_MONGODB_DATABASE").getValue()).isEqualTo(database);
            assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef().getName()).isEqualTo(service);
            GenericKubernetesResource mongo = generic("MongoDBCommunity", "mongo-" + database);
            assertThat((Integer) mongo.get("spec", "members")).isEqualTo(3);
            assertThat(mongo.get("spec", "security", "authentication", "modes").toString()).contains("SCRAM");
            List<Map<String, Object>> users = mongo.get("spec", "users");
            assertThat(users).singleElement().satisfies(user -> {
                assertThat(user.get("name")).isEqualTo(service);
                assertThat(user.get("db")).isEqualTo("admin");
                assertThat(user.get("roles")).as("reads and writes its own database, nothing else")
                        .isEqualTo(List.of(Map.of("name", "readWrite", "db", database)));
            });
        });
    }

    @Test
    void eachServicesDatabaseIsDumpedEveryNightAsItsOwnUserOntoItsOwnVolume() {
        Map<String, String> serviceOf = Map.of("registry", "registry-service", "donation", "donation-service", "distribution",
                "distribution-service", "reporting", "reporting-service", "issuer", "token-issuer");
        serviceOf.forEach((database, service) -> {
            CronJob backup = named(CronJob.class, "mongo-backup-" + database);
            assertThat(backup.getSpec().getTimeZone()).isEqualTo("Asia/Ho_Chi_Minh");
            assertThat(backup.getSpec().getSchedule()).as(database).matches("\\d+ [0-3] \\* \\* \\*");
            var pod = backup.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
            Container dump = pod.getContainers().get(0);
            assertThat(String.join(" ", dump.getArgs())).as(database).contains("--nsInclude='" + database + ".*'").contains("-mtime +14");
            assertThat(dump.getEnv().get(0).getValueFrom().getSecretKeyRef().getName()).isEqualTo("mongo-" + database + "-admin-" + service);
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            String claim = pod.getVolumes().get(0).getPersistentVolumeClaim().getClaimName();
            assertThat(named(io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class, claim)).isNotNull();
        });
    }

    @Test
    void theOnlyWayInIsHttpsToServicesThatExist() {
        Ingress ingress = of(Ingress.class).get(0);
        Set<String> hosts = new HashSet<>(ingress.getSpec().getTls().get(0).getHosts());
        ingress.getSpec().getRules().forEach(rule -> {
            assertThat(hosts).as("served over TLS").contains(rule.getHost());
            rule.getHttp().getPaths().forEach(path -> {
                Service service = named(Service.class, path.getBackend().getService().getName());
                assertThat(service.getSpec().getPorts()).extracting(p -> p.getName()).contains(path.getBackend().getService().getPort().getName());
            });
        });
        assertThat(ingress.getMetadata().getAnnotations()).containsEntry("nginx.ingress.kubernetes.io/force-ssl-redirect", "true");
    }

    /** binding → {destination, group, dead-letter topic}, from the service's configuration and the platform's defaults. */
    @SuppressWarnings("unchecked")
    private static Map<String, String[]> consumerBindings(String service) throws IOException {
        String module = service;
        Map<String, Object> own = yaml(Path.of("..", module, "src", "main", "resources", service + ".yml"));
        Map<String, Object> cloud = (Map<String, Object>) ((Map<String, Object>) own.get("spring")).get("cloud");
        String functions = (String) ((Map<String, Object>) cloud.get("function")).get("definition");
        Map<String, Object> stream = (Map<String, Object>) cloud.getOrDefault("stream", Map.of());
        Map<String, Map<String, Object>> bindings = (Map<String, Map<String, Object>>) stream.getOrDefault("bindings", Map.of());
        Map<String, Object> kafka = (Map<String, Object>) stream.getOrDefault("kafka", Map.of());
        Map<String, Map<String, Object>> kafkaBindings = (Map<String, Map<String, Object>>) kafka.getOrDefault("bindings", Map.of());
        Map<String, String[]> result = new HashMap<>();
        for (String function : functions.split(";")) {
            String binding = function + "-in-0";
            if (function.equals("adminUnits")) { // platform-defaults.yml: every service reads the unit tree
                String group = service + "-admin-units";
                result.put(binding, new String[] {"registry.admin-units", group, "registry.admin-units." + group + ".dlq"});
                continue;
            }
            Map<String, Object> properties = bindings.get(binding);
            assertThat(properties).as("%s binds %s", service, binding).isNotNull();
            Map<String, Object> consumer = (Map<String, Object>) kafkaBindings.getOrDefault(binding, Map.of()).getOrDefault("consumer", Map.of());
            String destination = (String) properties.get("destination");
            String group = (String) properties.get("group");
            result.put(binding, new String[] {destination, group, (String) consumer.getOrDefault("dlq-name", destination + "." + group + ".dlq")});
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return (Map<String, Object>) new Yaml().load(reader);
        }
    }

    /** The names (a trailing "." for a prefix) that the ACLs allow the operation on, for the resource type. */
    @SuppressWarnings("unchecked")
    private static Set<String> names(List<Map<String, Object>> acls, String type, String operation) {
        Set<String> names = new HashSet<>();
        for (Map<String, Object> acl : acls) {
            Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
            if (type.equals(resource.get("type")) && ((List<String>) acl.get("operations")).contains(operation)) {
                names.add((String) resource.get("name"));
            }
        }
        return names;
    }

    private static boolean allows(Set<String> names, String topic) {
        return names.contains(topic) || names.stream().anyMatch(name -> name.endsWith(".") && topic.startsWith(name));
    }

    private static <T extends HasMetadata> List<T> of(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T named(Class<T> type, String name) {
        return of(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    private static List<GenericKubernetesResource> generics(String kind) {
        return of(GenericKubernetesResource.class).stream().filter(o -> o.getKind().equals(kind)).toList();
    }

    private static GenericKubernetesResource generic(String kind, String name) {
        return generics(kind).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }
}
