package org.vigil.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API secrets: 256 random bits, shown once, stored as SHA-256. A fast hash is right for secrets of
 * this entropy (nothing to brute-force) and keeps per-request authentication cheap; passwords,
 * chosen by people, are hashed with a slow adaptive algorithm instead.
 */
final class Secrets {

    static final String PREFIX = "vgl_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What is shown of a key after creation: enough to recognise it, not to use it. */
    static String displayPrefix(String secret) {
        return secret.substring(0, Math.min(12, secret.length()));
    }
}
