package io.crmbridge.backend.store;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.Sql;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MailFolder;
import io.crmbridge.backend.intake.MailJson;
import io.crmbridge.backend.intake.MailState;
import io.crmbridge.backend.intake.MailStatus;
import io.crmbridge.backend.review.UnresolvedItem;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.crmbridge.backend.Mails.aMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store written by the first release (schema V1, mail waiting as NO_TAG) reads right after the later
 * migrations (issue 3; record owners, V4; payloads in a table of their own and large text out of H2's LOB
 * store, V5), mail queued before bodies were stored as bytes (V7) is recorded with its body whole, and the keys
 * that V8 moves onto the schema's own indexes on H2 hold as before.
 */
abstract class MigrationContract {

    protected abstract BackendSettings settings();

    @Test
    void aVersionOneStoreIsCarriedOver() {
        BackendSettings s = settings();
        migrateTo(s, "1");
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

    @Test
    void aBodyQueuedAsTextIsRecordedWithEveryCharacterOnceItIsStoredAsBytes() {
        BackendSettings s = settings().withWorkers(1);
        migrateTo(s, "6");
        String body = "Grüße aus Köln – ünïcödé, € and 𝄞, a backslash \\ and a quote '";
        InboundMail mail = aMail().in("jane@acme.example", MailFolder.INBOX).messageId("<queued@customer.example>")
                .from("ann@customer.example").to("jane@acme.example").subject("Queued before the upgrade").body(body).build();
        UUID receipt = UUID.randomUUID();
        Sql.update(s, "INSERT INTO mail_submissions (id, mailbox, message_key, folder, message_id, client_ref, payload_version, "
                + "state, attempts, last_error, received_at, next_attempt_at) VALUES (?, 'jane@acme.example', '<queued@customer.example>', "
                + "'INBOX', '<queued@customer.example>', 'r1', 1, 'QUEUED', 0, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", receipt);
        Sql.update(s, "INSERT INTO mail_payloads (submission_id, payload, body) VALUES (?, ?, ?)", receipt,
                MailJson.write(mail).json(), body);

        try (CrmBackend b = CrmBackend.start(s)) {
            assertThat(b.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(b.mailIntake().status(List.of(receipt.toString())).get(0).state()).isEqualTo(MailState.UNRESOLVED);
        }
        assertThat(Sql.rows(s, "SELECT a.body FROM email_activities a JOIN mail_submissions m ON m.activity_id = a.id WHERE m.id = ?", receipt))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("body", body));
    }

    @Test
    void partiesAndAttachmentsStayBoundToTheirActivityAndRecordAfterTheirKeysMoveIndex() {
        BackendSettings s = settings();
        migrateTo(s, "7");
        UUID user = UUID.randomUUID();
        UUID activity = UUID.randomUUID();
        UUID record = UUID.randomUUID();
        Sql.update(s, "INSERT INTO system_users (id, mailbox, display_name, notes_name, notes_key, first_seen_at) "
                + "VALUES (?, 'jane@acme.example', 'Jane', '', '', CURRENT_TIMESTAMP)", user);
        Sql.update(s, "INSERT INTO records (id, record_type, name, first_name, middle_name, last_name, company, title, phone, "
                + "fax, mobile, street, city, region, postal_code, country, notes, created_at, updated_at) VALUES (?, 'CONTACT', "
                + "'Ann', '', '', '', '', '', '', '', '', '', '', '', '', '', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", record);
        Sql.update(s, "INSERT INTO email_activities (id, message_key, message_id, in_reply_to, reference_ids, subject, direction, "
                + "occurred_at, body, body_truncated, state, evidence, owner_id, owner_rank, created_at, updated_at) VALUES (?, '<a@x>', "
                + "'<a@x>', '', '', 'Hello', 'INBOUND', CURRENT_TIMESTAMP, 'Hi', FALSE, 'UNRESOLVED', '', ?, '', CURRENT_TIMESTAMP, "
                + "CURRENT_TIMESTAMP)", activity, user);
        String party = "INSERT INTO activity_parties (activity_id, ordinal, role, email, display_name, notes_name, matched_record_id) "
                + "VALUES (?, ?, 'FROM', 'ann@customer.example', '', '', ?)";
        String attachment = "INSERT INTO activity_attachments (activity_id, ordinal, name, size_bytes) VALUES (?, 0, 'a.pdf', 1)";
        Sql.update(s, party, activity, 0, record);
        Sql.update(s, attachment, activity);

        try (CrmBackend b = CrmBackend.start(s)) {
            assertThat(Sql.count(s, "SELECT COUNT(*) FROM activity_parties WHERE activity_id = ? AND matched_record_id = ?",
                    activity, record)).isEqualTo(1);
        }

        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> Sql.update(s, party, unknown, 0, null)).as("a party of no activity").isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> Sql.update(s, party, activity, 1, unknown)).as("a party matched to no record")
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> Sql.update(s, attachment, unknown)).as("an attachment of no activity").isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> Sql.update(s, "DELETE FROM records WHERE id = ?", record)).as("a record a party is matched to")
                .isInstanceOf(RuntimeException.class);
        Sql.update(s, "DELETE FROM email_activities WHERE id = ?", activity);
        assertThat(Sql.count(s, "SELECT COUNT(*) FROM activity_parties")).as("parties go with their activity").isZero();
        assertThat(Sql.count(s, "SELECT COUNT(*) FROM activity_attachments")).as("attachments go with their activity").isZero();
    }

    // the schema as migration "target" left it, with the placeholders Database.open gives each database
    private static void migrateTo(BackendSettings s, String target) {
        boolean h2 = s.jdbcUrl().startsWith("jdbc:h2:");
        Flyway.configure().dataSource(s.jdbcUrl(), s.user(), s.password()).locations("classpath:db/migration/common")
                .placeholders(Map.of("clob", h2 ? "CLOB" : "TEXT", "text", h2 ? "CHARACTER VARYING" : "TEXT",
                        "bytes", h2 ? "BINARY VARYING" : "BYTEA", "body_to_utf8", h2 ? "" : "USING convert_to(body, 'UTF8')"))
                .target(target).load().migrate();
    }
}
