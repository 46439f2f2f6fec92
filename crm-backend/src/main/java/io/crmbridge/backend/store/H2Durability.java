package io.crmbridge.backend.store;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes what H2 has committed durable before an answer promises it. Why this is needed, from the H2 2.3
 * sources: a COMMIT only changes the in-memory MVStore; a background thread writes the changes to the file
 * every WRITE_DELAY ms (500 by default), serializing and writing them on two more threads. A process killed
 * in that window loses commits it has acknowledged. {@code CHECKPOINT SYNC} does not close the window
 * either: it stores only changes the background writer has not yet taken, and does not wait for a write
 * the background writer has started, before it calls fsync. (WRITE_DELAY 0 would write each commit at
 * once, but in H2 2.3.232 it makes the file grow by a chunk per commit and trips the compaction on close
 * into corrupting the file; see DurableCommitTest and the report.)
 * <p>
 * So, on the embedded database: store what is not yet taken ({@link MVStore#commit()}), then, holding the
 * store lock, wait for the serialization and write queues to drain and fsync the file
 * ({@link MVStore#executeFilestoreOperation}, {@link FileStore#sync()}). Through a remote session (another
 * process owns the file in AUTO_SERVER mode) the store is out of reach and {@code CHECKPOINT SYNC} is the
 * best there is.
 */
final class H2Durability {
    private H2Durability() {
    }

    static void flushAndSync(Connection connection) throws SQLException {
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (session instanceof SessionLocal local && local.getDatabase().isPersistent()) {
            MVStore store = local.getDatabase().getStore().getMvStore();
            store.commit();
            store.executeFilestoreOperation(() -> store.getFileStore().sync());
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }
}
