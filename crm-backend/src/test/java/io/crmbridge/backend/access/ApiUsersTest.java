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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
    void requestsThatBringTheSameLoginWhileItIsCheckedWaitForThatOneCheck() throws Exception {
        users.add("fleet", Role.AGENT, "pw".toCharArray());
        AtomicInteger checks = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ApiUsers slow = new ApiUsers(db, Duration.ofMinutes(5), (password, hash) -> {
            checks.incrementAndGet();
            await(release);
            return PasswordHash.matches(password, hash);
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<ApiUser>>> answers = new ArrayList<>();
            List<Thread> callers = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    callers.add(Thread.currentThread());
                    return slow.authenticate("fleet", "pw".toCharArray());
                }));
            }
            // every caller is either in the one check (held by the latch) or waiting for its answer
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!(callers.size() == 8 && callers.stream().allMatch(ApiUsersTest::waiting)) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            release.countDown();

            for (Future<Optional<ApiUser>> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).contains(new ApiUser("fleet", Role.AGENT));
            }
            assertThat(checks).hasValue(1);
            // a different password is its own check, and a wrong one is not remembered
            assertThat(slow.authenticate("fleet", "wrong".toCharArray())).isEmpty();
            assertThat(slow.authenticate("fleet", "wrong".toCharArray())).isEmpty();
            assertThat(checks).hasValue(3);
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean waiting(Thread t) {
        return t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
