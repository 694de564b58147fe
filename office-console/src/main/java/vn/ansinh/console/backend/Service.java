package vn.ansinh.console.backend;

/** The platform's services the console calls; the name is the key of its label in the messages. */
public enum Service {
    REGISTRY, DONATION, DISTRIBUTION, REPORTING, ISSUER;

    /** The message key naming this part of the platform for people ("Sổ hộ", "Quỹ và tiếp nhận"...). */
    public String labelKey() {
        return "service." + name().toLowerCase();
    }
}
