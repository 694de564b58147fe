package vn.ansinh.issuer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Loads the key the issuer signs with from a JWK set file, or makes one. A key loaded from a file
 * survives restarts and is shared by every instance given the same file; a generated key that is not
 * written anywhere dies with the process, and every token it signed with it.
 */
final class SigningKeys {

    private SigningKeys() {
    }

    /** The signing key of the file; the file is created with a new key first if asked to and missing. */
    static RSAKey fromFile(Path file, boolean generateIfMissing) {
        if (!Files.exists(file)) {
            if (!generateIfMissing) {
                throw new UnsafeConfigurationException("The signing key file " + file + " does not exist.",
                        "Create it (a JWK set with one RSA private key, see the README's 'Production credentials') and mount it, "
                                + "or point ANSINH_ISSUER_SIGNING_KEY at the right file.");
            }
            write(file, generated());
        }
        try {
            List<JWK> keys = JWKSet.load(file.toFile()).getKeys();
            return keys.stream().filter(key -> key instanceof RSAKey rsa && rsa.isPrivate()).map(RSAKey.class::cast)
                    .findFirst().orElseThrow(() -> new UnsafeConfigurationException(
                            "The signing key file " + file + " holds no RSA private key.",
                            "Put the RSA private key (with its \"d\", \"p\", \"q\"... members) into the file, not only the public key."));
        } catch (IOException | ParseException unreadable) {
            throw new UnsafeConfigurationException("The signing key file " + file + " cannot be read as a JWK set: "
                    + unreadable.getMessage(), "Check the file's permissions and that it is the JSON of a JWK set.");
        }
    }

    /** A new 2048-bit RSA key with a random key id. */
    static RSAKey generated() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).build();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("RSA is part of every JDK", impossible);
        }
    }

    /** Writes a key file readable by its owner only (where the file system knows permissions). */
    private static void write(Path file, RSAKey key) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, new JWKSet(key).toString(false), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps the directory's permissions
            }
        } catch (IOException e) {
            throw new UnsafeConfigurationException("The signing key file " + file + " cannot be written: " + e.getMessage(),
                    "Give the issuer a writable directory for its key, or create the key file yourself.");
        }
    }
}
