package vn.ansinh.bench;

/**
 * Runs a benchmark's body and ends the JVM with its outcome: the embedded broker's and the services' own
 * threads would otherwise keep it up after the figures are printed, or after a measurement failed.
 */
final class ExitingMain {

    /** A benchmark's work, given its command-line arguments. */
    interface Body {
        void run(String[] args) throws Exception;
    }

    private ExitingMain() {
    }

    static void run(Body body, String[] args) {
        try {
            body.run(args);
        } catch (Exception | Error failed) {
            failed.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
