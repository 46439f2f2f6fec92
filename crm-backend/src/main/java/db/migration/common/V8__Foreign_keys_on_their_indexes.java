package db.migration.common;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * On H2, the foreign keys of an activity's parties and attachments use the index V1 made on their column instead of
 * a copy of it. Nothing changes on PostgreSQL, which makes no index for a key.
 *
 * <p>Why: H2 gives a foreign key an index of its own when the table is created, before the script's
 * {@code CREATE INDEX} on the same column, so each party row (about six per mail) was written into two copies of
 * indexes it was written into already; every index entry costs its share of the insert and of the commit, which
 * rewrites the pages it touched. H2 takes an existing index on exactly the key's column when a key is added, so
 * each such key is dropped (with its copy) and added again, {@code NOCHECK} because the rows were held to it until
 * the moment before. It goes key by key, and adds a key it finds missing, so a run cut off half way finishes when
 * it runs again.
 */
public class V8__Foreign_keys_on_their_indexes extends BaseJavaMigration {

    private record ForeignKey(String table, String column, String references, String onDelete) {
        String name() {
            return table + "_" + column + "_fk";
        }
    }

    private record KeyOnColumn(String constraint, String index) {
    }

    // the keys whose column V1 indexes again with CREATE INDEX
    private static final List<ForeignKey> KEYS = List.of(
            new ForeignKey("activity_parties", "activity_id", "email_activities (id)", "CASCADE"),
            new ForeignKey("activity_parties", "matched_record_id", "records (id)", "RESTRICT"),
            new ForeignKey("activity_attachments", "activity_id", "email_activities (id)", "CASCADE"));

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")) {
            return;
        }
        for (ForeignKey key : KEYS) {
            List<String> own = constraintsWithOwnIndex(c, key);
            try (Statement s = c.createStatement()) {
                for (String constraint : own) {
                    s.execute("ALTER TABLE " + key.table() + " DROP CONSTRAINT \"" + constraint + "\"");
                }
                if (!exists(c, key)) {
                    s.execute("ALTER TABLE " + key.table() + " ADD CONSTRAINT " + key.name() + " FOREIGN KEY (" + key.column()
                            + ") REFERENCES " + key.references() + " ON DELETE " + key.onDelete() + " NOCHECK");
                }
            }
        }
    }

    private static final String KEYS_ON_COLUMN = """
            SELECT tc.CONSTRAINT_NAME, tc.INDEX_NAME
            FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
            JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k
              ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
            WHERE tc.CONSTRAINT_TYPE = 'FOREIGN KEY' AND tc.TABLE_SCHEMA = CURRENT_SCHEMA
              AND tc.TABLE_NAME = ? AND k.COLUMN_NAME = ?""";

    // index name -> its columns in order, for the indexes of the key's table
    private static final String INDEX_COLUMNS = """
            SELECT INDEX_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS
            WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ? ORDER BY INDEX_NAME, ORDINAL_POSITION""";

    /*
     * The keys on the column whose index is a copy of another index on that column alone: H2 made it for the
     * key. A key already on the other index is left as it is, so a second run changes nothing.
     */
    private static List<String> constraintsWithOwnIndex(Connection c, ForeignKey key) throws SQLException {
        String column = key.column().toUpperCase(Locale.ROOT);
        Map<String, List<String>> indexes = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement(INDEX_COLUMNS)) {
            q.setString(1, key.table().toUpperCase(Locale.ROOT));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    indexes.computeIfAbsent(rs.getString(1), i -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (KeyOnColumn k : keysOnColumn(c, key)) {
            boolean ownIndex = List.of(column).equals(indexes.get(k.index()));
            boolean another = indexes.entrySet().stream()
                    .anyMatch(e -> !e.getKey().equals(k.index()) && e.getValue().equals(List.of(column)));
            if (ownIndex && another) {
                names.add(k.constraint());
            }
        }
        return names;
    }

    private static boolean exists(Connection c, ForeignKey key) throws SQLException {
        return !keysOnColumn(c, key).isEmpty();
    }

    private static List<KeyOnColumn> keysOnColumn(Connection c, ForeignKey key) throws SQLException {
        List<KeyOnColumn> keys = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(KEYS_ON_COLUMN)) {
            q.setString(1, key.table().toUpperCase(Locale.ROOT));
            q.setString(2, key.column().toUpperCase(Locale.ROOT));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    keys.add(new KeyOnColumn(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return keys;
    }
}
