package vn.ansinh.platform.web;

import java.util.Locale;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the servlet container answers itself — a path it refuses ({@code /funds/../../admin}), a request
 * the firewall rejects, an error outside any controller — is forwarded here and leaves as
 * problem+json like every other error, never as an HTML page or Boot's own JSON.
 */
// Not an endpoint anyone calls: errors of other requests end here, so it is no part of the API's description.
@io.swagger.v3.oas.annotations.Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    private final ProblemFactory problems;

    public ProblemErrorController(ProblemFactory problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        Locale locale = RequestLocales.of(request);
        String problemCode = switch (status) {
            case NOT_FOUND -> "no-such-resource";
            case BAD_REQUEST -> "bad-request";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            default -> status.is5xxServerError() ? "internal-error" : "bad-request";
        };
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.create(status, problemCode, locale));
    }
}
