package io.crmbridge.backend.recording;

import java.util.UUID;

/** A submission a worker has locked to record: its receipt id, where it was seen, and the stored mail (see MailJson). */
record ClaimedSubmission(UUID id, String mailbox, String messageKey, String messageId, String payload, byte[] body, int attempts) {
}
