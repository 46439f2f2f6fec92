package io.crmbridge.bench.sync;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.exchange.sync.ContactSync;
import io.crmbridge.backend.exchange.sync.ContactSyncSettings;
import io.crmbridge.backend.exchange.sync.MailboxTarget;
import io.crmbridge.backend.exchange.sync.SyncSummary;
import io.crmbridge.backend.exchange.webdav.WebDavSettings;
import io.crmbridge.backend.store.Database;
import io.crmbridge.bench.BenchContext;
import io.crmbridge.bench.report.Figure;
import io.crmbridge.bench.report.Section;
import io.crmbridge.bench.report.Target;
import io.crmbridge.fixtures.exchange.FakeExchange;
import io.crmbridge.fixtures.exchange.RecordedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measurement 4: a full sync of N contacts from an in-memory CRM to the Exchange emulator (WebDAV, one mailbox,
 * the product's own gateway with its 8 connections), then a re-sync with nothing changed; against the emulator's
 * ceiling: the same PROPPATCH requests (bodies and headers as the sync sent them) replayed by a plain JDK
 * HttpClient over 8 threads, with no product logic. Sync, emulator and replay share the driver's JVM.
 */
public final class ContactSyncBench {
    private static final String USER = "CORP\\svc-crm";
    private static final String PASSWORD = "bench";
    private static final MailboxTarget TARGET = new MailboxTarget("ex1", "jdoe", "Contacts");
    private static final int CONNECTIONS = 8;

    private final BenchContext ctx;

    public ContactSyncBench(BenchContext ctx) {
        this.ctx = ctx;
    }

    private record Round(double fullSeconds, int fullRequests, int pushed, double resyncSeconds, int resyncRequests,
            double ceilingSeconds, int replayed) {
    }

    public void run() throws Exception {
        Section s = ctx.report().section("Contact sync to the Exchange emulator");
        s.note("ContactSync (the product's planner, durable outbox on embedded H2, WebDAV gateway on HttpClient 5 with "
                + CONNECTIONS + " connections) against the in-process Exchange 2003 emulator, one mailbox; contacts from an "
                + "in-memory CRM. Full sync: syncAll(full) on an empty folder. Re-sync: syncAll(full) again with nothing "
                + "changed. Ceiling: the full sync's PROPPATCH requests replayed by a plain JDK HttpClient on "
                + CONNECTIONS + " threads to a fresh emulator.");
        List<Double> perContact = new ArrayList<>();
        for (int scale : List.of(1, 10)) {
            int n = ctx.options().contacts() * scale;
            List<Round> rounds = new ArrayList<>();
            for (int r = 1; r <= ctx.options().rounds(); r++) {
                rounds.add(round(scale, r, n));
            }
            String x = "x" + scale;
            List<Double> rate = rounds.stream().map(r -> r.pushed() / r.fullSeconds()).toList();
            List<Double> ceiling = rounds.stream().map(r -> r.replayed() / r.ceilingSeconds()).toList();
            s.figure("sync." + x + ".full", String.format(Locale.ROOT, "Full sync (×%d, %,d contacts)", scale, n), "contacts/s", rate);
            s.figure("sync." + x + ".fullRequests", "Requests made by the full sync", "requests",
                    rounds.stream().map(r -> (double) r.fullRequests()).toList());
            s.figure("sync." + x + ".resync", "Re-sync with nothing changed: wall time", "s", rounds.stream().map(Round::resyncSeconds).toList());
            Figure resyncRequests = s.figure("sync." + x + ".resyncRequests", "Re-sync with nothing changed: requests made", "requests",
                    rounds.stream().map(r -> (double) r.resyncRequests()).toList());
            s.figure("sync." + x + ".ceiling", "Ceiling: the same PROPPATCHes replayed", "requests/s", ceiling);
            s.ratio("sync." + x + ".full/ceiling", "Full sync ÷ replay ceiling (×" + scale + ")", rate, ceiling);
            if (scale == 1) {
                ctx.report().target(new Target("A re-sync with nothing changed makes zero Exchange requests", resyncRequests.id(), 1, false,
                        resyncRequests.max()));
            }
            perContact.add(1 / new Figure("m", "m", "", rate).median());
        }
        double growth = perContact.get(1) / perContact.get(0);
        s.note(String.format(Locale.ROOT, "Scaling: time per contact at ×10 is %.2f× that at ×1 (1.00 = linear).", growth));
        if (growth > 1.25) {
            s.finding(String.format(Locale.ROOT, "Contact sync grows worse than linearly: %.2f× the time per contact at ×10.", growth));
        }
    }

    private Round round(int scale, int round, int n) throws Exception {
        String tag = "sync-x" + scale + "-r" + round;
        Path dir = ctx.scratch(tag + "-h2");
        BackendSettings store = BackendSettings.embedded(dir);
        BenchContacts crm = new BenchContacts(n);
        double full;
        double resync;
        int fullRequests;
        int resyncRequests;
        int pushed;
        List<RecordedRequest> patches;
        try (FakeExchange exchange = FakeExchange.start().user(USER, PASSWORD).folder(TARGET.mailbox(), TARGET.folder());
             Database db = Database.open(store.jdbcUrl(), store.user(), store.password(), 8)) {
            WebDavSettings server = WebDavSettings.of(exchange.baseUri(), USER, PASSWORD).withMaxConnections(CONNECTIONS);
            ContactSyncSettings settings = ContactSyncSettings.allContactsTo(Map.of(TARGET.server(), server), List.of(TARGET));
            try (ContactSync sync = ContactSync.create(db, crm, settings)) {
                long t0 = System.nanoTime();
                SyncSummary first = sync.syncAll(Optional.empty(), true, Duration.ofMinutes(15));
                full = (System.nanoTime() - t0) / 1e9;
                pushed = first.created() + first.updated();
                if (pushed != n || first.failed() > 0 || first.pending() > 0) {
                    throw new IllegalStateException(tag + ": full sync of " + n + " ended " + first);
                }
                List<RecordedRequest> all = exchange.requests();
                fullRequests = all.size();
                patches = all.stream().filter(r -> r.method().equals("PROPPATCH")).toList();
                exchange.clearRequests();
                long t1 = System.nanoTime();
                SyncSummary second = sync.syncAll(Optional.empty(), true, Duration.ofMinutes(15));
                resync = (System.nanoTime() - t1) / 1e9;
                resyncRequests = exchange.requests().size();
                if (second.unchanged() + second.created() + second.updated() == 0 && n > 0) {
                    ctx.progress(tag + ": re-sync summary " + second);
                }
            }
        }
        BenchContext.deleteTree(dir);
        double ceiling = replay(patches);
        ctx.progress(String.format(Locale.ROOT, "%s: full sync %.1f s (%.0f contacts/s, %d requests), re-sync %.2f s (%d requests); "
                + "replay %.0f requests/s", tag, full, n / full, fullRequests, resync, resyncRequests, patches.size() / ceiling));
        return new Round(full, fullRequests, pushed, resync, resyncRequests, ceiling, patches.size());
    }

    /** Sends the recorded PROPPATCHes to a fresh emulator on {@value #CONNECTIONS} threads; answers the seconds taken. */
    private static double replay(List<RecordedRequest> patches) throws Exception {
        try (FakeExchange exchange = FakeExchange.start().user(USER, PASSWORD).folder(TARGET.mailbox(), TARGET.folder())) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
            try {
                long t0 = System.nanoTime();
                List<Future<Integer>> answers = new ArrayList<>();
                for (RecordedRequest r : patches) {
                    answers.add(pool.submit(() -> {
                        HttpRequest.Builder b = HttpRequest.newBuilder(exchange.baseUri().resolve(r.rawPath()))
                                .method("PROPPATCH", HttpRequest.BodyPublishers.ofString(r.body(), StandardCharsets.UTF_8));
                        r.header("Authorization").ifPresent(v -> b.header("Authorization", v));
                        r.header("Content-Type").ifPresent(v -> b.header("Content-Type", v));
                        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode();
                    }));
                }
                for (Future<Integer> f : answers) {
                    int status = f.get();
                    if (status >= 400) {
                        throw new IllegalStateException("the replayed PROPPATCH was answered " + status);
                    }
                }
                return (System.nanoTime() - t0) / 1e9;
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
