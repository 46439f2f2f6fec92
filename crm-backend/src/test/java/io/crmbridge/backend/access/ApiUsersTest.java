package io.crmbridge.backend.access;

import io.crmbridge.backend.BackendException;
import io.crmbridge.backend.TestStores;
import io.crmbridge.backend.Sql;
import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiUsersTest {
    @TempDir
    static Path dir;
    private static BackendSettings settings;
    private static Database db;
    private static ApiUsers users;

    @BeforeAll
    static void open() {
        settings = TestStores.h2(dir);
        db = Database.open(settings.jdbcUrl(), settings.user(), settings.password(), 2);
        users = new ApiUsers(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void storesASaltedPbkdf2HashAndAuthenticatesOnlyTheRightPassword() {
        users.add("agent1", Role.AGENT, "s3cret!".toCharArray());
        users.add("agent2", Role.AGENT, "s3cret!".toCharArray());

        assertThat(users.authenticate("agent1", "s3cret!".toCharArray())).contains(new ApiUser("agent1", Role.AGENT));
        assertThat(users.authenticate("agent1", "s3cret".toCharArray())).isEmpty();
        assertThat(users.authenticate("nobody", "s3cret!".toCharArray())).isEmpty();
        String hash1 = (String) Sql.rows(settings, "SELECT password_hash FROM api_users WHERE name = 'agent1'").get(0).get("password_hash");
        String hash2 = (String) Sql.rows(settings, "SELECT password_hash FROM api_users WHERE name = 'agent2'").get(0).get("password_hash");
        assertThat(hash1).startsWith("pbkdf2-sha256$" + PasswordHash.ITERATIONS + "$").doesNotContain("s3cret");
        assertThat(hash1).isNotEqualTo(hash2);
    }

    @Test
    void addingAnExistingNameReplacesRoleAndPasswordAtOnce() {
        users.add("integrator", Role.INTEGRATOR, "first".toCharArray());
        assertThat(users.authenticate("integrator", "first".toCharArray())).isPresent();

        users.add("integrator", Role.ADMIN, "second".toCharArray());

        assertThat(users.authenticate("integrator", "first".toCharArray())).isEmpty();
        assertThat(users.authenticate("integrator", "second".toCharArray())).contains(new ApiUser("integrator", Role.ADMIN));
        assertThat(users.list()).filteredOn(u -> u.name().equals("integrator")).containsExactly(new ApiUser("integrator", Role.ADMIN));
    }

    @Test
    void rememberesASuccessfulCheckForAWhileButNeverAFailedOne() {
        ApiUsers cached = new ApiUsers(db, Duration.ofMinutes(5));
        cached.add("batch", Role.AGENT, "pw".toCharArray());
        assertThat(cached.authenticate("batch", "pw".toCharArray())).isPresent();

        // changed behind this instance's back (another process): the remembered check still answers
        Sql.update(settings, "UPDATE api_users SET password_hash = 'pbkdf2-sha256$1$AA$AA' WHERE name = 'batch'");
        assertThat(cached.authenticate("batch", "pw".toCharArray())).isPresent();
        assertThat(cached.authenticate("batch", "wrong".toCharArray())).isEmpty();

        ApiUsers expired = new ApiUsers(db, Duration.ZERO);
        assertThat(expired.authenticate("batch", "pw".toCharArray())).isEmpty();
    }

    @Test
    void removesUsersAndForgetsTheirRememberedChecks() {
        users.add("leaving", Role.AGENT, "pw".toCharArray());
        assertThat(users.authenticate("leaving", "pw".toCharArray())).isPresent();

        assertThat(users.remove("leaving")).isTrue();

        assertThat(users.authenticate("leaving", "pw".toCharArray())).isEmpty();
        assertThat(users.remove("leaving")).isFalse();
        assertThat(users.list()).extracting(ApiUser::name).doesNotContain("leaving");
    }

    @Test
    void refusesBadNamesAndEmptyPasswords() {
        for (Map.Entry<String, String> bad : Map.of("", "pw", "has:colon", "pw", "x".repeat(65), "pw", "ok", "").entrySet()) {
            assertThatThrownBy(() -> users.add(bad.getKey(), Role.AGENT, bad.getValue().toCharArray()))
                    .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.code()).isEqualTo(BackendException.INVALID_REQUEST));
        }
    }
}
