package vn.ansinh.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(OfficeClientsProperties.class)
public class TokenIssuerApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(TokenIssuerApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", "token-issuer"));
        application.run(args);
    }
}
