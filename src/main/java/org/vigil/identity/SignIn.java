package org.vigil.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signing in to the pages with e-mail and password, and keeping a signed-in session honest. After
 * {@code vigil.sign-in.max-failures} wrong passwords for one e-mail (known or not), or
 * {@code max-failures-per-address} from one client address, sign-in is refused for
 * {@code vigil.sign-in.lockout} after the last failure, right password or not. A
 * session's roles, team and clearances are read again from the database at most every 30 seconds,
 * so a deactivated user or a changed role takes effect within that time, not at the session's end.
 */
class SignIn extends OncePerRequestFilter implements AuthenticationProvider {

    private static final Duration REFRESH = Duration.ofSeconds(30);
    /** Checked against when the e-mail is unknown, so the answer takes as long as for a wrong password. */
    private final String decoyHash;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Cache<Long, Optional<Actor>> sessions = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(REFRESH).build();
    /** Failed sign-ins per e-mail (known or not) and per client address, forgotten after the lockout. */
    private final Cache<String, java.util.concurrent.atomic.AtomicInteger> failures;
    private final int maxFailures;
    private final int maxFailuresPerAddress;

    SignIn(JdbcClient jdbc, PasswordEncoder passwords, Duration lockout, int maxFailures, int maxFailuresPerAddress) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.failures = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(lockout).build();
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.decoyHash = passwords.encode("not-a-password-of-anyone");
    }

    private record Account(Actor actor, @Nullable String passwordHash) {
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = String.valueOf(authentication.getPrincipal()).strip();
        String password = String.valueOf(authentication.getCredentials());
        String byEmail = "email:" + email.toLowerCase(java.util.Locale.ROOT);
        String byAddress = authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? "address:" + details.getRemoteAddress() : null;
        if (failed(byEmail) >= maxFailures || byAddress != null && failed(byAddress) >= maxFailuresPerAddress) {
            // the same answer whether or not the e-mail belongs to anyone
            throw new LockedException("too many failed sign-ins; try again later");
        }
        Optional<Account> account = email.length() > 320 || password.length() > 128 ? Optional.empty()
                : find("lower(u.email) = lower(:key)", email);
        String hash = account.map(Account::passwordHash).orElse(null);
        boolean matches = passwords.matches(password, hash == null ? decoyHash : hash);
        if (!matches || hash == null) {
            failures.get(byEmail, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            if (byAddress != null) {
                failures.get(byAddress, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            }
            throw new BadCredentialsException("wrong e-mail or password");
        }
        failures.invalidate(byEmail);
        return new ApiKeyAuthentication.ActorAuthentication(account.get().actor());
    }

    /** Reads the user again at their next request (after a deactivation, say). */
    void forget(long userId) {
        sessions.invalidate(userId);
    }

    private int failed(String key) {
        java.util.concurrent.atomic.AtomicInteger count = failures.getIfPresent(key);
        return count == null ? 0 : count.get();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Replaces the session's actor by the user as stored now; signs out users who were deactivated. */
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.getPrincipal() instanceof Actor actor && actor.userId() != null) {
            Optional<Actor> now = sessions.get(actor.userId(),
                    id -> find("u.id = :key", id).map(Account::actor));
            if (now.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (!now.get().equals(actor)) {
                SecurityContextHolder.getContext().setAuthentication(
                        new ApiKeyAuthentication.ActorAuthentication(now.get()));
            }
        }
        chain.doFilter(request, response);
    }

    private Optional<Account> find(String where, Object key) {
        return jdbc.sql("""
                select u.id, u.roles, u.team_id, u.password_hash, t.vendor
                from app_user u join team t on t.id = u.team_id
                where u.active and\s""" + where)
                .param("key", key)
                .query((rs, n) -> {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    List.of((String[]) rs.getArray("roles").getArray()).forEach(r -> roles.add(Role.valueOf(r)));
                    long id = rs.getLong("id");
                    return new Account(new Actor("user:" + id, 0, id, rs.getLong("team_id"), rs.getBoolean("vendor"),
                            roles, Set.of()), rs.getString("password_hash"));
                })
                .optional();
    }
}
