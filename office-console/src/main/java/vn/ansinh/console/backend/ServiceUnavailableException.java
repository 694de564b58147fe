package vn.ansinh.console.backend;

/**
 * A service did not answer in time, answered with a server error, or its circuit is open: the page
 * says which part of the platform is unavailable, and the rest keeps working.
 */
public class ServiceUnavailableException extends RuntimeException {

    private final Service service;

    public ServiceUnavailableException(Service service, Throwable cause) {
        super(service.name().toLowerCase() + "-service is unavailable", cause);
        this.service = service;
    }

    public Service service() {
        return service;
    }
}
