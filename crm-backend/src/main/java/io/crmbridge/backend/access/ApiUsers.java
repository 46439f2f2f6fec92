package io.crmbridge.backend.access;

import io.crmbridge.backend.BackendException;
import io.crmbridge.backend.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * The users of the SOAP API: their roles and salted password hashes, and checking a password. A successful
 * check is remembered for {@link #REMEMBER_FOR} (see {@link VerifiedLogins}).
 */
public final class ApiUsers {
    private static final Logger LOG = LoggerFactory.getLogger(ApiUsers.class);
    /** How long a successful password check is remembered. */
    public static final Duration REMEMBER_FOR = Duration.ofMinutes(2);
    // HTTP Basic cannot carry ':' in a user name; the rest keeps names safe to log and type.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final int MAX_PASSWORD = 1024;
    // verified against for unknown users, so that a wrong name takes as long as a wrong password
    private static final String DUMMY_HASH = PasswordHash.create("not a password".toCharArray());

    private final Database db;
    private final VerifiedLogins verified;
    private final BiPredicate<char[], String> passwordCheck;
    /**
     * The checks under way, by login: requests that bring the same name and password while one is being checked
     * wait for its answer instead of each running PBKDF2 again (an agent's batches in flight, arriving together
     * after the remembered check expired, would otherwise each spend a core on it at the same moment).
     */
    private final ConcurrentHashMap<String, CompletableFuture<Optional<ApiUser>>> checking = new ConcurrentHashMap<>();

    public ApiUsers(Database db) {
        this(db, REMEMBER_FOR, PasswordHash::matches);
    }

    ApiUsers(Database db, Duration rememberFor) {
        this(db, rememberFor, PasswordHash::matches);
    }

    ApiUsers(Database db, Duration rememberFor, BiPredicate<char[], String> passwordCheck) {
        this.db = Objects.requireNonNull(db, "db");
        this.verified = new VerifiedLogins(db.clock(), rememberFor, 10_000);
        this.passwordCheck = passwordCheck;
    }

    /**
     * Adds a user, or replaces the role and password of an existing one. Throws {@link BackendException}
     * INVALID_REQUEST for a name outside {@code [A-Za-z0-9][A-Za-z0-9._@-]{0,63}} or an empty password.
     */
    public void add(String name, Role role, char[] password) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BackendException(BackendException.INVALID_REQUEST,
                    "a user name is 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
        if (role == null) {
            throw new BackendException(BackendException.INVALID_REQUEST, "a user needs a role");
        }
        if (password == null || password.length == 0) {
            throw new BackendException(BackendException.INVALID_REQUEST, "a user needs a password");
        }
        if (password.length > MAX_PASSWORD) {
            throw new BackendException(BackendException.INVALID_REQUEST, "a password has at most " + MAX_PASSWORD + " characters");
        }
        String hash = PasswordHash.create(password);
        Instant now = db.now();
        boolean replaced = db.jdbi().inTransaction(h -> {
            int updated = h.createUpdate("UPDATE api_users SET role = :role, password_hash = :hash, updated_at = :now WHERE name = :name")
                    .bind("role", role.name()).bind("hash", hash).bind("now", now).bind("name", name).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO api_users (name, role, password_hash, created_at, updated_at) "
                                + "VALUES (:name, :role, :hash, :now, :now)")
                        .bind("name", name).bind("role", role.name()).bind("hash", hash).bind("now", now).execute();
            }
            return updated > 0;
        });
        db.syncToDisk();
        verified.forget(name);
        LOG.info("{} API user {} with role {}", replaced ? "Updated" : "Added", name, role);
    }

    /** The user when the name and password match; empty otherwise (also for an unknown name). */
    public Optional<ApiUser> authenticate(String name, char[] password) {
        if (name == null || password == null || password.length == 0 || password.length > MAX_PASSWORD) {
            return Optional.empty();
        }
        String login = VerifiedLogins.key(name, password);
        Optional<ApiUser> remembered = verified.lookup(login);
        if (remembered.isPresent()) {
            return remembered;
        }
        CompletableFuture<Optional<ApiUser>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<ApiUser>> running = checking.putIfAbsent(login, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                // the check failed (the store, say): its callers see the same failure it did
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Optional<ApiUser> user = check(login, name, password);
            mine.complete(user);
            return user;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(login, mine);
        }
    }

    private Optional<ApiUser> check(String login, String name, char[] password) {
        Optional<Stored> stored = db.jdbi().withHandle(h -> h.createQuery("SELECT role, password_hash FROM api_users WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> new Stored(Role.valueOf(rs.getString("role")), rs.getString("password_hash")))
                .findOne());
        boolean matches = passwordCheck.test(password, stored.map(Stored::hash).orElse(DUMMY_HASH));
        if (stored.isEmpty() || !matches) {
            return Optional.empty();
        }
        ApiUser user = new ApiUser(name, stored.get().role());
        verified.remember(login, user);
        return Optional.of(user);
    }

    /** Every user, by name. */
    public List<ApiUser> list() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT name, role FROM api_users ORDER BY name")
                .map((rs, ctx) -> new ApiUser(rs.getString("name"), Role.valueOf(rs.getString("role"))))
                .list());
    }

    /** Removes a user; false when there was none of that name. */
    public boolean remove(String name) {
        if (name == null) {
            return false;
        }
        int removed = db.jdbi().withHandle(h -> h.createUpdate("DELETE FROM api_users WHERE name = :name").bind("name", name).execute());
        db.syncToDisk();
        verified.forget(name);
        if (removed > 0) {
            LOG.info("Removed API user {}", name);
        }
        return removed > 0;
    }

    private record Stored(Role role, String hash) {
    }
}
