package vn.ansinh.platform.events;

/**
 * An event that can never be processed (missing CloudEvents headers, unreadable payload). Bindings
 * mark it as not retryable, so it goes straight to the dead-letter topic.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidEventException(String message) {
        super(message);
    }
}
