package org.vigil.intake;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Report identifiers are RFC 9562 version 7 UUIDs: time-ordered, so that the primary-key index of a
 * table growing by thousands of rows a second is appended to rather than written all over.
 */
final class ReportIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ReportIds() {
    }

    static UUID next() {
        long millis = System.currentTimeMillis();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (millis << 16) | 0x7000L | ((random[0] & 0x0fL) << 8) | (random[1] & 0xffL);
        long low = 0x8000000000000000L | ((random[2] & 0x3fL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xffL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}
