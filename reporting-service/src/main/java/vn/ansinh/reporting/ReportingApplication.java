package vn.ansinh.reporting;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import vn.ansinh.platform.config.EnablePlatform;

/** Read models of everything, rebuildable from the topics; summaries, dashboard, public map, exports. */
@SpringBootApplication
@EnablePlatform
public class ReportingApplication {

    public static final String CONFIG_NAME = "reporting-service";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ReportingApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
