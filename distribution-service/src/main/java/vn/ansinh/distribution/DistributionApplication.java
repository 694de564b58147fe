package vn.ansinh.distribution;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import vn.ansinh.platform.config.EnablePlatform;

/** Campaigns, eligibility, approved entitlement lists, reservations and delivery records. */
@SpringBootApplication
@EnablePlatform
public class DistributionApplication {

    public static final String CONFIG_NAME = "distribution-service";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(DistributionApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
