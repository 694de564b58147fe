package vn.ansinh.systemtest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.ansinh.distribution.DistributionApplication;
import vn.ansinh.donation.DonationApplication;
import vn.ansinh.registry.RegistryApplication;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestInfrastructure;

/**
 * The whole platform for system tests, started once per test JVM: one real Kafka broker and one
 * Mongo wire server; the token issuer and reporting-service as their own processes; registry,
 * donation and distribution as application contexts in this JVM.
 */
final class Platform {

    private static Platform instance;

    final String issuerUrl;
    final ServiceProcess issuer;
    final ApiClient registry;
    final ApiClient donation;
    final ApiClient distribution;
    ServiceProcess reporting;
    /** The office console's port, known to the issuer from the start; the console itself starts when a test needs it. */
    final int consolePort;
    /** A second console's port, for a test that points it elsewhere. */
    final int spareConsolePort;
    private ServiceProcess console;
    private final java.util.Map<String, String> serviceUrls = new ConcurrentHashMap<>();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** Where every service exports its spans (OTLP), each request's trace kept whole. */
    final TraceCollector traces = new TraceCollector();

    static synchronized Platform get() {
        if (instance == null) {
            instance = new Platform();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    private Platform() {
        int issuerPort = ServiceProcess.freePort();
        int reportingPort = ServiceProcess.freePort();
        consolePort = ServiceProcess.freePort();
        spareConsolePort = ServiceProcess.freePort();
        issuerUrl = "http://localhost:" + issuerPort;
        // The dashboard, served by reporting-service, signs in from the browser: the issuer allows its origin.
        // The demo office clients exist only in the issuer's "local" profile.
        issuer = new ServiceProcess("token-issuer", "ansinh.jars.issuer", issuerPort, Map.of("ANSINH_ISSUER_URI", issuerUrl,
                "ANSINH_ISSUER_ALLOWED_ORIGINS", "http://localhost:[*]", "SPRING_PROFILES_ACTIVE", "local",
                // The dashboard signs people in through the issuer and is sent back to its own address.
                "ANSINH_CONSOLE_REDIRECT_URIS", "http://localhost:" + reportingPort + "/",
                // So does the office console, on either of its two ports.
                "ANSINH_OFFICE_CONSOLE_REDIRECT_URIS", "http://localhost:" + consolePort + "/login/oauth2/code/ansinh,http://localhost:"
                        + spareConsolePort + "/login/oauth2/code/ansinh",
                "ANSINH_OFFICE_CONSOLE_SIGNED_OUT_URIS", "http://localhost:" + consolePort + "/,http://localhost:" + spareConsolePort + "/",
                "MONGODB_URI", TestInfrastructure.mongoUri("issuer"),
                "KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrapServers())).start();
        try {
            reporting = reportingProcess(reportingPort).start();
            registry = client("registry", start(RegistryApplication.class, RegistryApplication.CONFIG_NAME, "registry",
                    "--ansinh.registry.bootstrap-admin-units=classpath:fixtures/demo-admin-units.json",
                    // Looks for import jobs every 3 s: SeveralInstancesSystemTest's second registry (every 500 ms) must take
                    // one of two jobs while this one works on the other; with imports a second per 900 rows, this one
                    // otherwise finished both before the second looked.
                    "--ansinh.registry.import.poll-interval=3000"));
            donation = client("donation", start(DonationApplication.class, DonationApplication.CONFIG_NAME, "donation"));
            distribution = client("distribution", start(DistributionApplication.class, DistributionApplication.CONFIG_NAME, "distribution"));
            issuer.awaitHealthy(Duration.ofSeconds(90));
            reporting.awaitHealthy(Duration.ofSeconds(120));
        } catch (RuntimeException failedToStart) {
            // Nobody holds this platform: stop what did start, or its processes outlive the test run.
            stop();
            throw failedToStart;
        }
    }

    ServiceProcess reportingProcess(int port) {
        return new ServiceProcess("reporting-service", "ansinh.jars.reporting", port, Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrapServers(),
                "MONGODB_URI", TestInfrastructure.mongoUri("reporting"),
                "ANSINH_ISSUER_URI", issuerUrl,
                "ANSINH_JWK_SET_URI", issuerUrl + "/oauth2/jwks",
                "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", traces.endpoint(),
                "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "500ms"));
    }

    /**
     * Another instance of registry, donation or distribution ({@code service}: its module name without
     * "-service") as its own process, sharing this platform's broker, databases and issuer.
     */
    ServiceProcess serviceProcess(String service, int port, Map<String, String> settings) {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrapServers(),
                "MONGODB_URI", TestInfrastructure.mongoUri(service),
                "ANSINH_ISSUER_URI", issuerUrl,
                "ANSINH_JWK_SET_URI", issuerUrl + "/oauth2/jwks"));
        environment.putAll(settings);
        return new ServiceProcess(service + "-service-" + port, "ansinh.jars." + service, port, environment);
    }

    /** The office console, started on first use with the platform's addresses. */
    synchronized String consoleUrl() {
        if (console == null) {
            console = consoleProcess(consolePort, Map.of()).start().awaitHealthy(Duration.ofSeconds(90));
        }
        return "http://localhost:" + consolePort;
    }

    /** A console process on {@code port}; {@code overrides} replace its environment (another service address...). */
    ServiceProcess consoleProcess(int port, Map<String, String> overrides) {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "SPRING_PROFILES_ACTIVE", "local",
                "ANSINH_ISSUER_URI", issuerUrl,
                "ANSINH_ISSUER_PUBLIC_URI", issuerUrl,
                "ANSINH_REGISTRY_URI", serviceUrls.get("registry"),
                "ANSINH_DONATION_URI", serviceUrls.get("donation"),
                "ANSINH_DISTRIBUTION_URI", serviceUrls.get("distribution"),
                "ANSINH_REPORTING_URI", "http://localhost:" + reporting.port,
                "ANSINH_DASHBOARD_URI", "http://localhost:" + reporting.port));
        environment.putAll(overrides);
        return new ServiceProcess("office-console-" + port, "ansinh.jars.console", port, environment);
    }

    ApiClient reportingApi() {
        return new ApiClient("http://localhost:" + reporting.port);
    }

    /** A bearer token from the real issuer for one of the demo office clients. */
    String bearer(String clientId) {
        return tokens.computeIfAbsent(clientId, id -> {
            ApiClient.Response answer = new ApiClient(issuerUrl).post("/oauth2/token",
                    "Basic " + Base64.getEncoder().encodeToString((id + ":" + id + "-secret").getBytes(StandardCharsets.UTF_8)),
                    "application/x-www-form-urlencoded", "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8));
            if (answer.status() != 200) {
                throw new IllegalStateException("No token for " + id + ": " + answer.status());
            }
            return "Bearer " + answer.json().get("access_token").asString();
        });
    }

    private ConfigurableApplicationContext start(Class<?> application, String configName, String database, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + TestInfrastructure.mongoUri(database),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuerUrl,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuerUrl + "/oauth2/jwks",
                // A request cut off by a killed instance frees its Idempotency-Key for a retry here after 10 s, not 2 min.
                "--ansinh.idempotency.abandoned-after=PT10S",
                "--management.opentelemetry.tracing.export.otlp.endpoint=" + traces.endpoint(),
                "--management.opentelemetry.tracing.export.schedule-delay=500ms"));
        args.addAll(List.of(extra));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .properties(Map.of("spring.config.name", configName)).run(args.toArray(String[]::new));
        contexts.add(context);
        return context;
    }

    private ApiClient client(String name, ConfigurableApplicationContext context) {
        String url = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        serviceUrls.put(name, url);
        return new ApiClient(url);
    }

    /**
     * Closes the services while the broker still runs (called when the test run ends): closed by the
     * JVM's shutdown hooks instead, they race the broker's own hook and wait out their Kafka timeouts.
     */
    static synchronized void stopIfStarted() {
        if (instance != null) {
            instance.stop();
        }
    }

    private boolean stopped;

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        contexts.forEach(ConfigurableApplicationContext::close);
        if (console != null) {
            console.stop();
        }
        if (reporting != null) {
            reporting.stop();
        }
        issuer.stop();
        traces.stop();
    }
}
