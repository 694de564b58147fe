package vn.ansinh.registry.adminunit;

import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/** Imports a configured unit list at start-up if the registry has none yet (first local run, a new installation). */
@Component
class AdminUnitBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminUnitBootstrap.class);

    private final AdminUnitService service;
    private final ResourceLoader resources;
    private final String location;

    AdminUnitBootstrap(AdminUnitService service, ResourceLoader resources,
                       @Value("${ansinh.registry.bootstrap-admin-units:}") String location) {
        this.service = service;
        this.resources = resources;
        this.location = location;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (location.isBlank() || !service.isEmpty()) {
            return;
        }
        try (InputStream json = resources.getResource(location).getInputStream()) {
            AdminUnitService.ImportResult result = service.importUnitList(json);
            log.info("Imported {} administrative units from {}", result.created(), location);
        }
    }
}
