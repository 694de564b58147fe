package vn.ansinh.issuer;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import vn.ansinh.issuer.OfficeClientsProperties.OfficeClient;

/** Registers the office clients and puts each one's office and roles into its access tokens. */
@Configuration(proxyBeanMethods = false)
public class IssuerConfiguration {

    static final String OFFICE_CLAIM = "office";
    static final String ROLES_CLAIM = "roles";

    @Bean
    RegisteredClientRepository registeredClientRepository(OfficeClientsProperties properties) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryRegisteredClientRepository(properties.clients().stream()
                .map(client -> RegisteredClient.withId(UUID.nameUUIDFromBytes(client.clientId().getBytes()).toString())
                        .clientId(client.clientId())
                        .clientSecret(encoder.encode(client.secret()))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(8)).build())
                        .build())
                .toList());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> officeClaims(OfficeClientsProperties properties) {
        Map<String, OfficeClient> byId = properties.clients().stream()
                .collect(Collectors.toMap(OfficeClient::clientId, client -> client));
        return context -> {
            OfficeClient client = byId.get(context.getRegisteredClient().getClientId());
            if (client != null) {
                context.getClaims().claim(OFFICE_CLAIM, client.office()).claim(ROLES_CLAIM, client.roles());
            }
        };
    }
}
