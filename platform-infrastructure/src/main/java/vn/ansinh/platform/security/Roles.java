package vn.ansinh.platform.security;

/** Roles a token may carry in its {@code roles} claim. */
public final class Roles {

    /** Registers and updates households, records donations and deliveries for the office's area. */
    public static final String OFFICER = "OFFICER";
    /** Approves lists and campaigns, resolves duplicates. */
    public static final String APPROVER = "APPROVER";
    /** Reads everything in the office's area, changes nothing. */
    public static final String AUDITOR = "AUDITOR";
    /** Imports reference data and rebuilds read models. */
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
