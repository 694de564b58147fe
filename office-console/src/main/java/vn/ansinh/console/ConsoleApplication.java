package vn.ansinh.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The office console: the platform's screens for office staff and the residents' public page. A
 * backend-for-frontend: it signs people in at the issuer, keeps their tokens in the server-side
 * session and calls the services' public APIs with them; it owns no business data.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}
