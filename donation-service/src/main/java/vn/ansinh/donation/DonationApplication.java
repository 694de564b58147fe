package vn.ansinh.donation;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import vn.ansinh.platform.config.EnablePlatform;

/** Donors, named funds with their ledgers, cash and in-kind donations, stock and reservations. */
@SpringBootApplication
@EnablePlatform
public class DonationApplication {

    public static final String CONFIG_NAME = "donation-service";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(DonationApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
