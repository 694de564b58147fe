package vn.ansinh.issuer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the issuer's signing key lives.
 *
 * @param location         a JWK set file (JSON) holding the RSA private key tokens are signed with; the
 *                         same file on every issuer instance and across restarts keeps every token valid
 * @param generateIfMissing create the file with a new key when it does not exist (the local run only:
 *                         production keys are made and kept by the operator)
 */
@ConfigurationProperties("ansinh.issuer.signing-key")
public record SigningKeyProperties(String location, boolean generateIfMissing) {

    public boolean configured() {
        return location != null && !location.isBlank();
    }
}
