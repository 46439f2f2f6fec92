package io.crmbridge.backend.store;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.Sql;
import io.crmbridge.backend.intake.MailState;
import io.crmbridge.backend.intake.MailStatus;
import io.crmbridge.backend.review.UnresolvedItem;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written by the first release (schema V1, mail waiting as NO_TAG) reads right after the later
 * migrations (issue 3; record owners, V4; payloads in a table of their own and large text out of H2's LOB
 * store, V5).
 */
abstract class MigrationContract {

    protected abstract BackendSettings settings();

    @Test
    void aVersionOneStoreIsCarriedOver() {
        BackendSettings s = settings();
        Flyway.configure().dataSource(s.jdbcUrl(), s.user(), s.password()).locations("classpath:db/migration/common")
                .placeholders(Map.of("clob", s.jdbcUrl().startsWith("jdbc:h2:") ? "CLOB" : "TEXT")).target("1").load().migrate();
        UUID user = UUID.randomUUID();
        UUID activity = UUID.randomUUID();
        UUID receipt = UUID.randomUUID();
        Sql.update(s, "INSERT INTO system_users (id, mailbox, display_name, notes_name, first_seen_at) "
                + "VALUES (?, 'jane@acme.example', 'Jane', 'CN=Jane Doe/O=Acme', CURRENT_TIMESTAMP)", user);
        Sql.update(s, "INSERT INTO email_activities (id, message_key, message_id, in_reply_to, reference_ids, subject, direction, "
                + "occurred_at, body, body_truncated, state, evidence, owner_id, created_at, updated_at) VALUES (?, '<old@x>', "
                + "'<old@x>', '', '<older@x>', 'Old', 'INBOUND', CURRENT_TIMESTAMP, 'The old body', FALSE, 'UNRESOLVED', '', ?, CURRENT_TIMESTAMP, "
                + "CURRENT_TIMESTAMP)", activity, user);
        Sql.update(s, "INSERT INTO unresolved_items (activity_id, reason, detail, queued_at) VALUES (?, 'NO_TAG', '', CURRENT_TIMESTAMP)",
                activity);
        Sql.update(s, "INSERT INTO mail_submissions (id, mailbox, message_key, folder, message_id, client_ref, payload_version, "
                + "payload, state, attempts, last_error, activity_id, received_at, next_attempt_at) VALUES (?, 'jane@acme.example', "
                + "'<old@x>', 'INBOX', '<old@x>', '', 1, '{\"subject\":\"Old\"}', 'UNRESOLVED', 0, '', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                receipt, activity);

        UUID record = UUID.randomUUID();
        Sql.update(s, "INSERT INTO records (id, record_type, name, first_name, middle_name, last_name, company, title, phone, "
                + "fax, mobile, street, city, region, postal_code, country, notes, created_at, updated_at) VALUES (?, 'CONTACT', "
                + "'Old Contact', '', '', '', '', '', '', '', '', '', '', '', '', '', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", record);

        try (CrmBackend b = CrmBackend.start(s)) {
            assertThat(b.records().find(record).orElseThrow().owner()).as("a record stored before owners (V4)").isEmpty();
            MailStatus status = b.mailIntake().status(List.of(receipt.toString())).get(0);
            assertThat(status.state()).isEqualTo(MailState.UNRESOLVED);
            assertThat(status.reason()).contains("NO_MATCH");
            assertThat(b.reviewQueue().list(Optional.of("NO_MATCH"), Optional.empty(), 0, Optional.empty()).items())
                    .extracting(UnresolvedItem::activityId).containsExactly(activity);
        }
        assertThat(Sql.rows(s, "SELECT notes_key FROM system_users WHERE id = ?", user))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("notes_key", "jane doe/acme"));
        assertThat(Sql.rows(s, "SELECT payload FROM mail_payloads WHERE submission_id = ?", receipt))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("payload", "{\"subject\":\"Old\"}"));
        assertThat(Sql.rows(s, "SELECT body, reference_ids FROM email_activities WHERE id = ?", activity))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("body", "The old body")
                        .containsEntry("reference_ids", "<older@x>"));
    }
}
