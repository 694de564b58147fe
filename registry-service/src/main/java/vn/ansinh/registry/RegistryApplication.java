package vn.ansinh.registry;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import vn.ansinh.platform.config.EnablePlatform;

/** Administrative units and their yearly statistics, households and their members, residents' needs and feedback, duplicate detection. */
@SpringBootApplication
@EnablePlatform
@ConfigurationPropertiesScan
public class RegistryApplication {

    /** Own config file name, so the four services can share one classpath in system tests. */
    public static final String CONFIG_NAME = "registry-service";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(RegistryApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
