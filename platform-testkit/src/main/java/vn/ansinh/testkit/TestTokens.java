package vn.ansinh.testkit;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs tokens the way the platform's issuer does (RS256, {@code office} and {@code roles} claims),
 * with a key pair made for this test JVM. Services under test trust it through
 * {@link TestSecurityConfiguration}.
 */
public final class TestTokens {

    /** The issuer services expect by default (ANSINH_ISSUER_URI of the local run). */
    public static final String ISSUER = "http://localhost:9000";
    /** The audience every platform token names. */
    public static final String AUDIENCE = "ansinh-api";
    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    public static java.security.PublicKey publicKey() {
        return KEYS.getPublic();
    }

    public static String bearer(String officeCode, String... roles) {
        return "Bearer " + token("test-client-" + officeCode, officeCode, List.of(roles), Duration.ofMinutes(30));
    }

    /** A person who acts for one organisation of the office (its Women's Union, say). */
    public static String bearerForOrganisation(String officeCode, String organisationCode, String... roles) {
        return "Bearer " + sign("test-client-" + officeCode + "-" + organisationCode, officeCode, List.of(roles),
                Duration.ofMinutes(30), AUDIENCE, organisationCode);
    }

    public static String token(String clientId, String officeCode, List<String> roles, Duration lifetime) {
        return token(clientId, officeCode, roles, lifetime, AUDIENCE);
    }

    /** A token for another audience: one the issuer made for some other system. */
    public static String token(String clientId, String officeCode, List<String> roles, Duration lifetime, String audience) {
        return sign(clientId, officeCode, roles, lifetime, audience, null);
    }

    private static String sign(String clientId, String officeCode, List<String> roles, Duration lifetime, String audience,
            String organisationCode) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject(clientId).issuer(ISSUER).audience(audience)
                .issueTime(java.util.Date.from(now)).expirationTime(java.util.Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString()).claim("office", officeCode).claim("roles", roles);
        if (organisationCode != null) {
            builder.claim("organisation", organisationCode);
        }
        JWTClaimsSet claims = builder.build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
