package vn.ansinh.platform.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Keys a process checks tokens with without asking the issuer over HTTP: the issuer's own (for its own
 * API), or a test's. A service without this bean fetches the issuer's public keys from its JWKS address.
 * Its own type, so that a JWK source some library defines is never mistaken for the issuer's keys.
 */
public record LocalSigningKeys(JWKSource<SecurityContext> keys) {
}
