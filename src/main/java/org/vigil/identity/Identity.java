package org.vigil.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.platform.DatabaseClock;
import org.vigil.web.Checks;
import org.vigil.web.ConflictException;
import org.vigil.web.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

/** Teams, users, integration keys and personal access tokens. */
@Service
public class Identity {

    public static final int MAX_NAME = 200;
    private static final int MAX_CODES = 50;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final ApiKeyAuthentication authentication;

    private final SignIn signIn;
    private final JsonMapper json;

    Identity(JdbcClient jdbc, PasswordEncoder passwords, ApiKeyAuthentication authentication, SignIn signIn,
            JsonMapper json) {
        this.json = json;
        this.signIn = signIn;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.authentication = authentication;
    }

    /** A team; {@code createdBy} names who created it (null for teams created before that was kept). */
    public record Team(long id, String name, boolean vendor, @Nullable String createdBy, Instant createdAt) {
    }

    public record NewUser(@Nullable String name, @Nullable String email, @Nullable List<String> roles,
            @Nullable Long teamId, @Nullable List<String> skills, @Nullable List<String> languages,
            @Nullable List<String> clearances, @Nullable String password) {
    }

    public record User(long id, String name, String email, List<Role> roles, long teamId, boolean vendor,
            List<String> skills, List<String> languages, List<String> clearances, boolean active) {
    }

    /**
     * A key or token as listed: never its secret. {@code createdBy} and {@code revokedBy} are audit
     * references ({@code user:12}, {@code key:3}); null for the bootstrap key and keys issued before
     * issuers were kept.
     */
    public record ApiKey(long id, String name, String prefix, List<String> scopes, @Nullable Long userId,
            Instant createdAt, @Nullable String createdBy, @Nullable Instant revokedAt, @Nullable String revokedBy) {
    }

    /** A freshly issued key or token: the only time its secret is seen. */
    public record IssuedKey(long id, String name, String prefix, List<String> scopes, @Nullable Long userId,
            String secret) {
    }

    @Transactional
    public Team createTeam(@Nullable String name, @Nullable Boolean vendor, Actor actor) {
        Checks checks = new Checks();
        checks.requiredText("name", name, MAX_NAME);
        checks.required("vendor", vendor);
        checks.throwIfInvalid();
        try {
            long id = jdbc.sql("""
                    insert into team (name, vendor, created_by, created_at) values (:name, :vendor, :by, :now)
                    returning id
                    """)
                    .param("name", name.strip()).param("vendor", vendor).param("by", actor.ref())
                    .param("now", java.sql.Timestamp.from(org.vigil.platform.DatabaseClock.now()))
                    .query(Long.class).single();
            return team(id);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("name", "a team named '" + Checks.quote(name) + "' already exists");
        }
    }

    public List<Team> teams() {
        return jdbc.sql("select id, name, vendor, created_by, created_at from team order by id")
                .query(Team.class).list();
    }

    public Team team(long id) {
        return findTeam(id).orElseThrow(() -> new NotFoundException("team " + id + " does not exist"));
    }

    private java.util.Optional<Team> findTeam(long id) {
        return jdbc.sql("select id, name, vendor, created_by, created_at from team where id = :id").param("id", id)
                .query(Team.class).optional();
    }

    /** Creates a user; the creation is the first entry of the user's changes, made by {@code actor}. */
    @Transactional
    public User createUser(NewUser user, Actor actor) {
        Checks checks = new Checks();
        checks.requiredText("name", user.name(), MAX_NAME);
        email(checks, user.email());
        Set<Role> roles = checks.required("roles", user.roles()) ? roles(checks, user.roles()) : Set.of();
        checks.required("teamId", user.teamId());
        codes(checks, "skills", user.skills());
        codes(checks, "languages", user.languages());
        codes(checks, "clearances", user.clearances());
        if (user.password() != null && (user.password().length() < 12
                || user.password().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72)) {
            // bcrypt reads at most 72 bytes of a password
            checks.fail("password", "must be 12 characters to 72 bytes (UTF-8)");
        }
        checks.throwIfInvalid();
        Team team = existingTeam(user.teamId());
        try {
            long id = jdbc.sql("""
                    insert into app_user (name, email, password_hash, roles, team_id, skills, languages, clearances)
                    values (:name, :email, :password, :roles, :team, :skills, :languages, :clearances)
                    returning id
                    """)
                    .param("name", user.name().strip())
                    .param("email", user.email().strip())
                    .param("password", user.password() == null ? null : passwords.encode(user.password()))
                    .param("roles", roles.stream().map(Role::name).toArray(String[]::new))
                    .param("team", team.id())
                    .param("skills", array(user.skills()))
                    .param("languages", array(user.languages()))
                    .param("clearances", array(user.clearances()))
                    .query(Long.class).single();
            User created = user(id);
            record(null, created, actor);
            return created;
        } catch (DuplicateKeyException e) {
            throw emailTaken();
        }
    }

    /** Checks an e-mail address, required; sign-in finds people by it. */
    private static void email(Checks checks, @Nullable String email) {
        if (checks.requiredText("email", email, 320) && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            checks.fail("email", "must be an e-mail address");
        }
    }

    private static ConflictException emailTaken() {
        return new ConflictException("email", "a user with this e-mail already exists");
    }

    /** What an admin changes about a user: each field sent replaces the one held; fields left out stay. */
    public record UserChange(@Nullable String name, @Nullable String email, @Nullable List<String> roles,
            @Nullable Long teamId, @Nullable List<String> skills, @Nullable List<String> languages,
            @Nullable List<String> clearances) {
    }

    /**
     * Changes a user's name, roles, team, skills, languages or clearances: someone trained for a
     * sensitive category gains its clearance, a reviewer moves to another team or becomes a lead. The
     * user's next request (session or token) acts with what they are now.
     */
    @Transactional
    public User changeUser(long userId, @Nullable UserChange change, Actor actor) {
        User current = user(userId);
        Checks checks = new Checks();
        if (change == null) {
            checks.fail("", "must be an object of the fields to change");
            checks.throwIfInvalid();
        }
        if (change.name() != null) {
            checks.requiredText("name", change.name(), MAX_NAME);
        }
        if (change.email() != null) {
            email(checks, change.email());
        }
        Set<Role> roles = change.roles() == null ? null : roles(checks, change.roles());
        // Nobody locks themselves out: another admin (or an admin key) takes an admin's role away.
        if (roles != null && Objects.equals(actor.userId(), userId) && current.roles().contains(Role.ADMIN)
                && !roles.contains(Role.ADMIN)) {
            checks.fail("roles", "you cannot take away your own ADMIN role; another admin can");
        }
        codes(checks, "skills", change.skills());
        codes(checks, "languages", change.languages());
        codes(checks, "clearances", change.clearances());
        checks.throwIfInvalid();
        Long team = change.teamId() == null ? null : existingTeam(change.teamId()).id();
        try {
            jdbc.sql("""
                    update app_user set name = coalesce(:name, name), email = coalesce(:email, email),
                           roles = coalesce(cast(:roles as text[]), roles),
                           team_id = coalesce(cast(:team as bigint), team_id),
                           skills = coalesce(cast(:skills as text[]), skills),
                           languages = coalesce(cast(:languages as text[]), languages),
                           clearances = coalesce(cast(:clearances as text[]), clearances)
                    where id = :id
                    """)
                    .param("name", change.name() == null ? null : change.name().strip())
                    .param("email", change.email() == null ? null : change.email().strip())
                    .param("roles", roles == null ? null : roles.stream().map(Role::name).toArray(String[]::new))
                    .param("team", team)
                    .param("skills", change.skills() == null ? null : array(change.skills()))
                    .param("languages", change.languages() == null ? null : array(change.languages()))
                    .param("clearances", change.clearances() == null ? null : array(change.clearances()))
                    .param("id", userId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw emailTaken();
        }
        return changed(current, actor);
    }

    /**
     * One change to a person's access as kept: what they were before and after. The user's creation
     * has nothing before it.
     */
    public record UserChangeRecord(long id, String actor, Instant changedAt, @Nullable User before, User after) {

        /**
         * What changed, field by field, e.g. {@code roles: AGENT → LEAD}; teams by these names. A
         * creation lists what the user was given, e.g. {@code created}, {@code roles: AGENT}.
         */
        public List<String> differences(Map<Long, String> teamNames) {
            List<String> found = new ArrayList<>();
            if (before == null) {
                found.add("created");
                given(found, "roles", after.roles());
                found.add("team: " + teamNames.getOrDefault(after.teamId(), "#" + after.teamId()));
                given(found, "skills", after.skills());
                given(found, "languages", after.languages());
                given(found, "clearances", after.clearances());
                return found;
            }
            difference(found, "name", before.name(), after.name());
            difference(found, "email", before.email(), after.email());
            difference(found, "roles", before.roles(), after.roles());
            difference(found, "team", teamNames.getOrDefault(before.teamId(), "#" + before.teamId()),
                    teamNames.getOrDefault(after.teamId(), "#" + after.teamId()));
            difference(found, "skills", before.skills(), after.skills());
            difference(found, "languages", before.languages(), after.languages());
            difference(found, "clearances", before.clearances(), after.clearances());
            difference(found, "active", before.active(), after.active());
            return found;
        }

        private static void given(List<String> found, String field, List<?> values) {
            if (!values.isEmpty()) {
                found.add(field + ": " + shown(values));
            }
        }

        private static void difference(List<String> found, String field, Object before, Object after) {
            if (!Objects.equals(before, after)) {
                found.add(field + ": " + shown(before) + " → " + shown(after));
            }
        }

        private static String shown(Object value) {
            if (value instanceof List<?> list) {
                return list.isEmpty() ? "—" : String.join(", ", list.stream().map(String::valueOf).toList());
            }
            return String.valueOf(value);
        }
    }

    /** The changes to a user's access, newest first (at most 200). */
    public List<UserChangeRecord> changes(long userId) {
        user(userId);
        return jdbc.sql("""
                select id, actor, changed_at, before::text, after::text from user_change
                where user_id = :user order by id desc limit 200
                """)
                .param("user", userId)
                .query((rs, n) -> new UserChangeRecord(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4) == null ? null : json.readValue(rs.getString(4), User.class),
                        json.readValue(rs.getString(5), User.class)))
                .list();
    }

    /**
     * The user as changed: their next request (session or token) reads them again, and the change is
     * kept with who made it.
     */
    private User changed(User before, Actor actor) {
        authentication.forget();
        signIn.forget(before.id());
        User after = user(before.id());
        if (!before.equals(after)) {
            record(before, after, actor);
        }
        return after;
    }

    private void record(@Nullable User before, User after, Actor actor) {
        jdbc.sql("""
                insert into user_change (user_id, actor, changed_at, before, after)
                values (:user, :actor, :now, cast(:before as jsonb), cast(:after as jsonb))
                """)
                .param("user", after.id()).param("actor", actor.ref())
                .param("now", java.sql.Timestamp.from(DatabaseClock.now()))
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", json.writeValueAsString(after))
                .update();
    }

    private Team existingTeam(long teamId) {
        return findTeam(teamId)
                .orElseThrow(() -> new org.vigil.web.InvalidInputException("teamId", "no team has id " + teamId));
    }

    /** The roles named, at least one; problems are recorded under {@code roles[i]}. */
    private static Set<Role> roles(Checks checks, List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names.isEmpty()) {
            checks.fail("roles", "must name at least one of " + List.of(Role.values()));
        }
        for (int i = 0; i < names.size(); i++) {
            try {
                roles.add(Role.valueOf(String.valueOf(names.get(i)).toUpperCase()));
            } catch (IllegalArgumentException e) {
                checks.fail("roles[" + i + "]", "must be one of " + List.of(Role.values()));
            }
        }
        return roles;
    }

    public User user(long id) {
        return users("where u.id = :id", id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("user " + id + " does not exist"));
    }

    public List<User> users() {
        return users("where :id = :id", 0);
    }

    /**
     * These users by id, leaving out ids nobody has: what a page needs to name the people it shows,
     * read without reading everyone.
     */
    public Map<Long, User> users(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, User> found = new LinkedHashMap<>();
        users("where u.id = any(:id)", ids.stream().distinct().toArray(Long[]::new))
                .forEach(u -> found.put(u.id(), u));
        return found;
    }

    private List<User> users(String where, Object id) {
        return jdbc.sql("""
                select u.id, u.name, u.email, u.roles, u.team_id, t.vendor, u.skills, u.languages, u.clearances,
                       u.active
                from app_user u join team t on t.id = u.team_id
                """ + where + " order by u.id")
                .param("id", id)
                .query((rs, n) -> new User(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                        List.of((String[]) rs.getArray("roles").getArray()).stream().map(Role::valueOf).toList(),
                        rs.getLong("team_id"), rs.getBoolean("vendor"),
                        List.of((String[]) rs.getArray("skills").getArray()),
                        List.of((String[]) rs.getArray("languages").getArray()),
                        List.of((String[]) rs.getArray("clearances").getArray()), rs.getBoolean("active")))
                .list();
    }

    /**
     * Deactivates a user (someone who left a vendor team, say) or brings them back. A deactivated user's
     * sessions end and tokens stop working at once on this instance, within 30 seconds on others.
     */
    @Transactional
    public User setActive(long userId, boolean active, Actor actor) {
        User before = user(userId);
        jdbc.sql("update app_user set active = :active where id = :id").param("active", active).param("id", userId)
                .update();
        return changed(before, actor);
    }

    /** Issues a personal access token: the user calls the API under their own roles and team. */
    @Transactional
    public IssuedKey issueToken(long userId, @Nullable String name, Actor actor) {
        User user = user(userId);
        Checks checks = new Checks();
        checks.text("name", name, MAX_NAME);
        checks.throwIfInvalid();
        return insertKey(name == null || name.isBlank() ? "token for " + user.email() : name.strip(), List.of(),
                user.id(), actor);
    }

    /** Issues an integration key with the given scopes. */
    @Transactional
    public IssuedKey issueKey(@Nullable String name, @Nullable List<String> scopes, Actor actor) {
        Checks checks = new Checks();
        checks.requiredText("name", name, MAX_NAME);
        if (checks.required("scopes", scopes)) {
            if (scopes.isEmpty()) {
                checks.fail("scopes", "must name at least one of " + Scope.NAMES);
            }
            checks.allOf("scopes", scopes, Set.copyOf(Scope.NAMES));
        }
        checks.throwIfInvalid();
        return insertKey(name.strip(), scopes.stream().distinct().toList(), null, actor);
    }

    /** Creates an admin key from a secret chosen by the operator, unless an admin key already exists. */
    @Transactional
    public boolean bootstrap(String secret) {
        boolean anyAdmin = jdbc.sql("select exists (select 1 from api_key where 'admin' = any(scopes) and revoked_at is null)")
                .query(Boolean.class).single();
        if (anyAdmin) {
            return false;
        }
        jdbc.sql("""
                insert into api_key (name, prefix, key_hash, scopes) values ('bootstrap', :prefix, :hash, '{admin}')
                on conflict (key_hash) do nothing
                """)
                .param("prefix", Secrets.displayPrefix(secret)).param("hash", Secrets.hash(secret)).update();
        return true;
    }

    /** Stores a key whose secret was chosen elsewhere (demo data); does nothing if it exists. */
    @Transactional
    public void importKey(String name, String secret, List<Scope> scopes) {
        jdbc.sql("""
                insert into api_key (name, prefix, key_hash, scopes) values (:name, :prefix, :hash, :scopes)
                on conflict (key_hash) do nothing
                """)
                .param("name", name).param("prefix", Secrets.displayPrefix(secret)).param("hash", Secrets.hash(secret))
                .param("scopes", scopes.stream().map(Scope::code).toArray(String[]::new))
                .update();
    }

    /** The keys and tokens in use, oldest first; with {@code revoked}, the revoked ones too. */
    public List<ApiKey> keys(boolean revoked) {
        return jdbc.sql("""
                select id, name, prefix, scopes, user_id, created_at, created_by, revoked_at, revoked_by from api_key
                where revoked_at is null or :revoked order by id
                """)
                .param("revoked", revoked)
                .query((rs, n) -> new ApiKey(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                        List.of((String[]) rs.getArray("scopes").getArray()), rs.getObject("user_id", Long.class),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                        rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(),
                        rs.getString("revoked_by")))
                .list();
    }

    @Transactional
    public void revoke(long keyId, Actor actor) {
        int revoked = jdbc.sql("""
                update api_key set revoked_at = :now, revoked_by = :actor where id = :id and revoked_at is null
                """)
                .param("id", keyId).param("actor", actor.ref())
                .param("now", java.sql.Timestamp.from(DatabaseClock.now())).update();
        if (revoked == 0) {
            throw new NotFoundException("no active key has id " + keyId);
        }
        authentication.forget();
    }

    private IssuedKey insertKey(String name, List<String> scopes, @Nullable Long userId, Actor actor) {
        String secret = Secrets.newSecret();
        long id = jdbc.sql("""
                insert into api_key (name, prefix, key_hash, scopes, user_id, created_at, created_by)
                values (:name, :prefix, :hash, :scopes, :user, :now, :actor) returning id
                """)
                .param("now", java.sql.Timestamp.from(DatabaseClock.now())).param("actor", actor.ref())
                .param("name", name).param("prefix", Secrets.displayPrefix(secret))
                .param("hash", Secrets.hash(secret)).param("scopes", scopes.toArray(String[]::new))
                .param("user", userId)
                .query(Long.class).single();
        return new IssuedKey(id, name, Secrets.displayPrefix(secret), scopes, userId, secret);
    }

    private static void codes(Checks checks, String field, @Nullable List<String> values) {
        if (values == null) {
            return;
        }
        if (checks.size(field, values, MAX_CODES)) {
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                if (v == null || !v.matches("[A-Za-z0-9_-]{1,64}")) {
                    checks.fail(field + "[" + i + "]", "must be 1 to 64 letters, digits, '_' or '-'");
                }
            }
        }
    }

    private static String[] array(@Nullable List<String> values) {
        return values == null ? new String[0] : values.stream().distinct().toArray(String[]::new);
    }
}
