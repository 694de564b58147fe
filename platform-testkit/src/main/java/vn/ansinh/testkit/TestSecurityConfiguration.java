package vn.ansinh.testkit;

import java.security.interfaces.RSAPublicKey;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import vn.ansinh.platform.security.LocalSigningKeys;

/**
 * Makes a service under test trust the key {@link TestTokens} signs with instead of fetching the
 * issuer's: the service's own decoder then checks those tokens with the production rules (lifetime,
 * issuer, audience).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurityConfiguration {

    @Bean
    LocalSigningKeys testIssuerKeys() {
        JWKSource<SecurityContext> keys = new ImmutableJWKSet<>(new JWKSet(new RSAKey.Builder((RSAPublicKey) TestTokens.publicKey()).build()));
        return new LocalSigningKeys(keys);
    }
}
