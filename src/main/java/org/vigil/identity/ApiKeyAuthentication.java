package org.vigil.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vigil.web.Problems;

/**
 * Authenticates {@code Authorization: Bearer <secret>} against the stored key hashes. Resolved keys
 * are cached for 30 seconds (a revoked key stops working on this instance at once, on others within
 * that time), which keeps machine-scale intake from paying a database round trip per request.
 */
class ApiKeyAuthentication extends OncePerRequestFilter {

    private static final Duration CACHE_TIME = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Cache<String, Optional<Actor>> cache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(CACHE_TIME)
            .build();

    ApiKeyAuthentication(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 200) {
            Problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "The Authorization header must be 'Bearer <API key>'");
            return;
        }
        String hash = Secrets.hash(header.substring(7).strip());
        Optional<Actor> actor = cache.get(hash, this::lookUp);
        if (actor.isEmpty()) {
            Problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "The API key is unknown or revoked");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new ActorAuthentication(actor.get()));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    void forget() {
        cache.invalidateAll();
    }

    private Optional<Actor> lookUp(String hash) {
        return jdbc.sql("""
                select k.id, k.scopes, k.user_id, u.roles, u.team_id, u.active, t.vendor
                from api_key k
                left join app_user u on u.id = k.user_id
                left join team t on t.id = u.team_id
                where k.key_hash = :hash and k.revoked_at is null
                """)
                .param("hash", hash)
                .query((rs, n) -> {
                    long keyId = rs.getLong("id");
                    Long userId = rs.getObject("user_id", Long.class);
                    if (userId == null) {
                        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
                        strings(rs.getArray("scopes")).forEach(s -> scopes.add(Scope.of(s)));
                        return Optional.of(new Actor("key:" + keyId, keyId, null, null, false, Set.of(), scopes));
                    }
                    if (!rs.getBoolean("active")) {
                        return Optional.<Actor>empty();
                    }
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    strings(rs.getArray("roles")).forEach(r -> roles.add(Role.valueOf(r)));
                    return Optional.of(new Actor("user:" + userId, keyId, userId, rs.getLong("team_id"),
                            rs.getBoolean("vendor"), roles, Set.of()));
                })
                .optional()
                .flatMap(a -> a);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    static final class ActorAuthentication extends AbstractAuthenticationToken {

        private final Actor actor;

        ActorAuthentication(Actor actor) {
            super(authorities(actor));
            this.actor = actor;
            setAuthenticated(true);
        }

        private static List<GrantedAuthority> authorities(Actor actor) {
            return java.util.stream.Stream.concat(
                            actor.roles().stream().map(Role::authority),
                            actor.scopes().stream().map(Scope::authority))
                    .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                    .toList();
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return actor;
        }
    }
}
