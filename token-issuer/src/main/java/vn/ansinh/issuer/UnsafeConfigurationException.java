package vn.ansinh.issuer;

/** The issuer refuses to start as configured: what is wrong, and what the operator should do. */
class UnsafeConfigurationException extends RuntimeException {

    private final String action;

    UnsafeConfigurationException(String description, String action) {
        super(description);
        this.action = action;
    }

    String action() {
        return action;
    }
}
