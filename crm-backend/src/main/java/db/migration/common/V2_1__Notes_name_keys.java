package db.migration.common;

import io.crmbridge.backend.mailbox.NotesName;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fills system_users.notes_key (added by V2) for the users stored before it, with the same rule as new writes. */
public class V2_1__Notes_name_keys extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Map<Object, String> keys = new LinkedHashMap<>();
        try (Statement s = context.getConnection().createStatement();
             ResultSet rs = s.executeQuery("SELECT id, notes_name FROM system_users WHERE notes_name <> ''")) {
            while (rs.next()) {
                keys.put(rs.getObject(1), NotesName.key(rs.getString(2)));
            }
        }
        try (PreparedStatement ps = context.getConnection().prepareStatement("UPDATE system_users SET notes_key = ? WHERE id = ?")) {
            for (Map.Entry<Object, String> e : keys.entrySet()) {
                ps.setString(1, e.getValue());
                ps.setObject(2, e.getKey());
                ps.addBatch();
            }
            if (!keys.isEmpty()) {
                ps.executeBatch();
            }
        }
    }
}
