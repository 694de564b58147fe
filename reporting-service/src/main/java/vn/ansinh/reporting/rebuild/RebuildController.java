package vn.ansinh.reporting.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/v1/admin/rebuild")
@PreAuthorize("hasRole('ADMIN')")
class RebuildController {

    private final RebuildService rebuilds;

    public RebuildController(RebuildService rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Operation(summary = "Drops every read model and rebuilds it from the topics from offset 0; follow it with GET")
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public RebuildStatus start() {
        return rebuilds.start();
    }

    @Operation(summary = "Progress of the running (or last) rebuild")
    @GetMapping
    public RebuildStatus status() {
        return rebuilds.status();
    }
}
