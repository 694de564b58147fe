package vn.ansinh.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import vn.ansinh.platform.config.EnablePlatform;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnablePlatform
public class TokenIssuerApplication {

    /**
     * Starts the issuer; or, with {@code generate-signing-key <file>}, writes a new signing key (a JWK set
     * with one RSA private key, readable by its owner only) for an operator to keep and mount, and exits.
     */
    public static void main(String[] args) {
        if (args.length > 0 && "generate-signing-key".equals(args[0])) {
            if (args.length != 2) {
                System.err.println("Usage: generate-signing-key <file>");
                System.exit(2);
            }
            java.nio.file.Path file = java.nio.file.Path.of(args[1]);
            if (java.nio.file.Files.exists(file)) {
                System.err.println(file + " exists already: a key in use is never overwritten.");
                System.exit(1);
            }
            SigningKeys.fromFile(file, true);
            System.out.println("Signing key written to " + file);
            return;
        }
        SpringApplication application = new SpringApplication(TokenIssuerApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", "token-issuer"));
        application.run(args);
    }
}
