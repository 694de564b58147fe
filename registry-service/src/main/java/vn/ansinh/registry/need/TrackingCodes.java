package vn.ansinh.registry.need;

import java.security.SecureRandom;

/**
 * Codes residents keep to follow their request (a need, a piece of feedback): ten characters without look-alikes (no 0/O, 1/I),
 * e.g. {@code K7QM-2XRD-PA}, read out over the phone easily and far too many to guess.
 */
public final class TrackingCodes {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {
    }

    public static String next() {
        StringBuilder code = new StringBuilder(12);
        for (int i = 0; i < 10; i++) {
            if (i == 4 || i == 8) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
