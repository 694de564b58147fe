package vn.ansinh.platform.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which secret is still the example's placeholder, and how to set it. */
class PlaceholderSecretFailureAnalyzer extends AbstractFailureAnalyzer<PlaceholderSecrets.PlaceholderSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PlaceholderSecrets.PlaceholderSecretException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set a secret of your own in secrets/ansinh.env (for example: openssl rand -hex 24) in place of every "
                        + PlaceholderSecrets.PLACEHOLDER + ", then start again with: docker compose --env-file secrets/ansinh.env up -d",
                cause);
    }
}
