package org.vigil.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes a fresh install drivable by API: {@code vigil.bootstrap-api-key} (or the environment variable
 * {@code VIGIL_BOOTSTRAP_API_KEY}) becomes an admin-scoped key at start when no admin key exists.
 */
@Component
@Order(0)
class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final Identity identity;
    private final String secret;

    Bootstrap(Identity identity, @Value("${vigil.bootstrap-api-key:}") String secret) {
        this.identity = identity;
        this.secret = secret.strip();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (secret.isEmpty()) {
            return;
        }
        if (secret.length() < 24) {
            throw new IllegalStateException("vigil.bootstrap-api-key must be at least 24 characters");
        }
        if (identity.bootstrap(secret)) {
            log.info("Created the bootstrap admin API key {}…", Secrets.displayPrefix(secret));
        }
    }
}
