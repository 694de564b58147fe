package vn.ansinh.platform.deadletter;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import vn.ansinh.platform.security.CallerOffice;

/** {@code /api/v1/admin/dead-letters} on every service: what it could not process or send, for an administrator. */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@PreAuthorize("hasRole('ADMIN')")
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Operation(summary = "Records a consumer parked after its retries, and events the service could not send (newest first)")
    @GetMapping
    public List<DeadLetters.DeadLetter> list() {
        return deadLetters.list();
    }

    @Operation(summary = "Send a dead letter once more, after the fix (once: a second press changes nothing)")
    @PostMapping("/{id}/replay")
    public DeadLetters.DeadLetter replay(@PathVariable String id) {
        return deadLetters.replay(id, CallerOffice.current().clientId());
    }
}
