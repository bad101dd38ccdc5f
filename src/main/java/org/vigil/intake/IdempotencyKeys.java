package org.vigil.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency keys, scoped to the API key that sent them. A key is claimed by inserting it before the
 * work it guards, in the same transaction: a concurrent request with the same key waits on the
 * primary key until the first commits, then finds the stored answer. A repeat with the same request
 * gets that answer; a repeat with a different request is refused.
 */
@Component
class IdempotencyKeys {

    /** Request hashes must not depend on the order of map entries. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What an earlier request with the same key left. */
    record Prior(String requestHash, String response) {
    }

    static String hash(Object request) {
        try {
            byte[] bytes = CANONICAL.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Claims the keys not seen before and returns what earlier requests left for the others.
     *
     * @param hashes request hash by key (distinct keys)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Map<String, Prior> claim(String principal, Map<String, String> hashes) {
        if (hashes.isEmpty()) {
            return Map.of();
        }
        String[] keys = hashes.keySet().stream().sorted().toArray(String[]::new);
        String[] values = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            values[i] = hashes.get(keys[i]);
        }
        List<String> claimed = jdbc.sql("""
                insert into idempotency_key (principal, key, request_hash, response)
                select :principal, k, h, '{}'::jsonb
                from unnest(cast(:keys as text[]), cast(:hashes as text[])) as u(k, h)
                on conflict do nothing
                returning key
                """)
                .param("principal", principal).param("keys", keys).param("hashes", values)
                .query(String.class).list();
        if (claimed.size() == keys.length) {
            return Map.of();
        }
        Map<String, Prior> prior = new LinkedHashMap<>();
        String[] others = java.util.Arrays.stream(keys).filter(k -> !claimed.contains(k)).toArray(String[]::new);
        jdbc.sql("""
                select key, request_hash, response::text from idempotency_key
                where principal = :principal and key = any(:keys)
                """)
                .param("principal", principal).param("keys", others)
                .query((rs, n) -> prior.put(rs.getString(1), new Prior(rs.getString(2), rs.getString(3))))
                .list();
        return prior;
    }

    /** Stores the answers given to newly claimed keys, in the transaction of the work. */
    @Transactional(propagation = Propagation.MANDATORY)
    void answer(String principal, Map<String, String> responses) {
        if (responses.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update idempotency_key k set response = u.r::jsonb
                from unnest(cast(:keys as text[]), cast(:responses as text[])) as u(k, r)
                where k.principal = :principal and k.key = u.k
                """)
                .param("principal", principal)
                .param("keys", responses.keySet().toArray(String[]::new))
                .param("responses", responses.values().toArray(String[]::new))
                .update();
    }

}
