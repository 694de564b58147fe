package vn.ansinh.platform.config;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.events.EventFactory;
import vn.ansinh.events.Events;
import vn.ansinh.platform.events.EventHandlers;
import vn.ansinh.platform.events.OutboxProperties;
import vn.ansinh.platform.events.OutboxRelay;
import vn.ansinh.platform.events.VersionedProjection;
import vn.ansinh.platform.health.MongoPingHealthIndicator;
import vn.ansinh.platform.kafka.EventFlowMonitor;
import vn.ansinh.platform.kafka.TopicsConfiguration;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.platform.security.ResourceServerSecurity;
import vn.ansinh.platform.security.SecurityProperties;
import vn.ansinh.platform.web.IdempotencyKeyFilter;
import vn.ansinh.platform.web.ProblemDetailsAdvice;
import vn.ansinh.platform.web.ProblemFactory;
import vn.ansinh.platform.web.ProblemWriter;
import vn.ansinh.platform.web.RequestLocales;
import vn.ansinh.platform.web.RequestSizeLimitFilter;
import vn.ansinh.platform.web.WebProperties;

/** The technical ground every An Sinh service stands on; imported through {@link EnablePlatform}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableMethodSecurity
@EnableConfigurationProperties({OutboxProperties.class, WebProperties.class, SecurityProperties.class})
@Import({TopicsConfiguration.class, ProblemDetailsAdvice.class, vn.ansinh.platform.web.ProblemErrorController.class,
        vn.ansinh.platform.deadletter.DeadLetterController.class, vn.ansinh.platform.audit.AuditController.class})
public class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Tomcat answers what it refuses itself (before the application) as problem+json too. */
    @Bean
    org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory>
            problemReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(vn.ansinh.platform.web.ProblemReportValve.class.getName());
            }
        });
    }

    @Bean(name = "eventConsumersHealthIndicator")
    vn.ansinh.platform.health.EventConsumersHealth eventConsumersHealth(org.springframework.context.ApplicationContext context) {
        return new vn.ansinh.platform.health.EventConsumersHealth(context);
    }

    @Bean
    vn.ansinh.platform.web.StrictJson strictJson() {
        return new vn.ansinh.platform.web.StrictJson();
    }

    /** Stops a start on the example env file's placeholder secrets before anything connects with them. */
    @Bean
    static PlaceholderSecrets placeholderSecrets(org.springframework.core.env.Environment environment) {
        return new PlaceholderSecrets(environment);
    }

    @Bean
    EventFactory eventFactory(JsonMapper jsonMapper, Clock clock, vn.ansinh.platform.events.EventTracing eventTracing) {
        return new EventFactory(jsonMapper, clock, eventTracing);
    }

    /** Trace context from requests into events and on into their consumers (the tracer, when tracing is on). */
    @Bean
    vn.ansinh.platform.events.EventTracing eventTracing(org.springframework.beans.factory.ObjectProvider<io.micrometer.tracing.Tracer> tracer) {
        return new vn.ansinh.platform.events.EventTracing(tracer.getIfAvailable());
    }

    /** Producer for the outbox relay: acknowledged by all in-sync replicas, idempotent, lightly batched. */
    @Bean
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(KafkaProperties kafkaProperties) {
        Map<String, Object> config = kafkaProperties.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> outboxKafkaTemplate,
                            OutboxProperties properties, MeterRegistry meters, vn.ansinh.platform.audit.AuditTrail auditTrail) {
        OutboxRelay relay = new OutboxRelay(mongo, outboxKafkaTemplate, properties, meters);
        relay.storeAuditRecordsIn(auditTrail);
        return relay;
    }

    /** The service's audit trail: its {@code audit} collection, indexed for the audit API's queries. */
    @Bean
    vn.ansinh.platform.audit.AuditTrail auditTrail(MongoTemplate mongo, Clock clock, Environment environment) {
        vn.ansinh.platform.audit.AuditTrail trail = new vn.ansinh.platform.audit.AuditTrail(mongo, clock,
                environment.getProperty("spring.application.name", "service"));
        trail.createIndexes();
        return trail;
    }

    /** Every change of an audited document carries its audit record in the same write. */
    @Bean
    vn.ansinh.platform.audit.AuditCallbacks auditCallbacks(
            org.springframework.beans.factory.ObjectProvider<vn.ansinh.platform.audit.AuditTrail> auditTrail) {
        return new vn.ansinh.platform.audit.AuditCallbacks(auditTrail::getObject);
    }

    @Bean
    vn.ansinh.platform.deadletter.DeadLetters deadLetters(MongoTemplate mongo, KafkaTemplate<String, byte[]> outboxKafkaTemplate,
                                                         OutboxRelay relay, KafkaProperties kafkaProperties,
                                                         org.springframework.cloud.stream.config.BindingServiceProperties bindings,
                                                         org.springframework.core.env.Environment environment) {
        return new vn.ansinh.platform.deadletter.DeadLetters(mongo, outboxKafkaTemplate, relay, kafkaProperties, bindings, environment);
    }

    @Bean
    vn.ansinh.platform.events.OutboxDocuments outboxDocuments(MongoTemplate mongo, OutboxRelay relay, EventFactory events) {
        return new vn.ansinh.platform.events.OutboxDocuments(mongo, relay, events);
    }

    @Bean
    VersionedProjection versionedProjection(MongoTemplate mongo, MeterRegistry meters) {
        return new VersionedProjection(mongo, meters);
    }

    @Bean
    AdminUnitDirectory adminUnitDirectory(MongoTemplate mongo, VersionedProjection projection) {
        return new AdminUnitDirectory(mongo, projection);
    }

    /** Binding {@code adminUnits-in-0}: keeps this service's copy of the unit tree up to date. */
    @Bean
    Consumer<Message<byte[]>> adminUnits(AdminUnitDirectory directory, JsonMapper json, vn.ansinh.platform.events.EventTracing tracing) {
        return EventHandlers.on(json, tracing, Events.ADMIN_UNIT_RECORDED, directory::apply);
    }

    @Bean
    OfficeScope officeScope(AdminUnitDirectory directory) {
        return new OfficeScope(directory);
    }

    @Bean
    ProblemFactory problemFactory() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("problems");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new ProblemFactory(messages);
    }

    @Bean
    ProblemWriter problemWriter(JsonMapper jsonMapper) {
        return new ProblemWriter(jsonMapper);
    }

    @Bean
    LocaleResolver localeResolver() {
        return RequestLocales.choiceResolver();
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(WebProperties properties, ProblemFactory problems,
                                                                         ProblemWriter writer) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(properties, problems, writer));
        registration.setOrder(-200); // before Spring Security (-100): nothing reads an oversized body
        return registration;
    }

    @Bean
    IdempotencyKeyFilter idempotencyKeyFilter(MongoTemplate mongo, ProblemFactory problems, ProblemWriter writer,
            @org.springframework.beans.factory.annotation.Value("${ansinh.idempotency.abandoned-after:PT2M}") java.time.Duration abandonedAfter) {
        return new IdempotencyKeyFilter(mongo, problems, writer, abandonedAfter);
    }

    @Bean
    FilterRegistrationBean<IdempotencyKeyFilter> idempotencyKeyFilterRegistration(IdempotencyKeyFilter filter) {
        FilterRegistrationBean<IdempotencyKeyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(0); // after Spring Security: the key is scoped to the authenticated caller
        return registration;
    }

    /** Who is asking, in every log line of the request (after Spring Security, which has read the token). */
    @Bean
    FilterRegistrationBean<vn.ansinh.platform.web.LogContextFilter> logContextFilter(Environment environment) {
        FilterRegistrationBean<vn.ansinh.platform.web.LogContextFilter> registration = new FilterRegistrationBean<>(
                new vn.ansinh.platform.web.LogContextFilter(environment.getProperty("spring.application.name", "service")));
        registration.setOrder(-50);
        return registration;
    }

    /** The firewall's usual rules, its header-value rule checked without a regular expression ({@link vn.ansinh.platform.security.HeaderValues}). */
    @Bean
    org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer headerValuesCheckedWithoutRegularExpressions() {
        org.springframework.security.web.firewall.StrictHttpFirewall firewall = new org.springframework.security.web.firewall.StrictHttpFirewall();
        firewall.setAllowedHeaderValues(vn.ansinh.platform.security.HeaderValues::allowed);
        return web -> web.httpFirewall(firewall);
    }

    @Bean
    SecurityFilterChain resourceServerFilterChain(HttpSecurity http, SecurityProperties properties,
                                                  ProblemFactory problems, ProblemWriter writer) throws Exception {
        return ResourceServerSecurity.build(http, properties, problems, writer);
    }

    /** Tokens checked for signature, lifetime, issuer and audience (ResourceServerSecurity.tokenValidator). */
    @Bean
    org.springframework.security.oauth2.jwt.JwtDecoder jwtDecoder(
            org.springframework.beans.factory.ObjectProvider<vn.ansinh.platform.security.LocalSigningKeys> localKeys,
            Environment environment) {
        vn.ansinh.platform.security.LocalSigningKeys local = localKeys.getIfAvailable();
        return ResourceServerSecurity.decoder(local == null ? null : local.keys(),
                environment.getRequiredProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"),
                environment.getRequiredProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"),
                environment.getRequiredProperty("spring.security.oauth2.resourceserver.jwt.audiences"));
    }

    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    EventFlowMonitor eventFlowMonitor(KafkaAdmin kafkaAdmin, BindingServiceProperties bindings,
                                      Environment environment, MeterRegistry meters) {
        return new EventFlowMonitor(kafkaAdmin, bindings, environment, meters);
    }

    @Bean
    OpenAPI platformOpenApi(Environment environment) {
        return new OpenAPI()
                .info(new io.swagger.v3.oas.models.info.Info().title("An Sinh — " + environment.getProperty("spring.application.name"))
                        .version("v1").description("The " + environment.getProperty("spring.application.name")
                                + " API of An Sinh. Every error answer is application/problem+json with a stable code (the Problem schema)."))
                // Relative: the document describes the service wherever it is reached (directly, or through the proxy).
                .servers(java.util.List.of(new io.swagger.v3.oas.models.servers.Server().url("/").description("this service")))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("A token from the issuer: a machine client's, or a person's"))
                        // Swagger UI's "Authorize": a person signs in at the issuer (PKCE) and tries the API as themself.
                        .addSecuritySchemes("person", new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                                .description("A person signed in at the issuer (authorization code with PKCE)")
                                .flows(new io.swagger.v3.oas.models.security.OAuthFlows().authorizationCode(
                                        new io.swagger.v3.oas.models.security.OAuthFlow()
                                                .authorizationUrl(environment.getProperty("ansinh.api-explorer.authorize-url"))
                                                .tokenUrl(environment.getProperty("ansinh.api-explorer.token-url"))
                                                .scopes(new io.swagger.v3.oas.models.security.Scopes()
                                                        .addString("openid", "who the person is")
                                                        .addString("profile", "their name"))))))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("person", java.util.List.of("openid", "profile")));
    }

    /** The error answers of every operation, and the Problem schema with every code (ProblemResponsesDocumentation). */
    @Bean
    vn.ansinh.platform.web.ProblemResponsesDocumentation problemResponsesDocumentation() {
        return new vn.ansinh.platform.web.ProblemResponsesDocumentation();
    }

    /** A description for every field and parameter (FieldDescriptions, from openapi-descriptions/*.properties). */
    @Bean
    vn.ansinh.platform.web.FieldDescriptions fieldDescriptions() {
        return new vn.ansinh.platform.web.FieldDescriptions();
    }
}
