package vn.ansinh.console.backend;

/** The person's session at the issuer ended (token refused and not renewable): they sign in again. */
public class SignInAgainException extends RuntimeException {

    public SignInAgainException(String message) {
        super(message);
    }
}
