package io.crmbridge.bench.stream;

import java.time.Instant;
import java.util.List;

/**
 * One generated mail, independent of where it is fed in (the agent's message model, an mbox, a
 * fake-domino memo), so that every benchmark sends the same kind of mail.
 *
 * @param ref        32 upper-case hex digits, unique in the stream (the UNID or client reference)
 * @param from       the sender's address
 * @param fromName   the sender's display name
 * @param to         1 to 10 recipient addresses
 * @param inReplyTo  the Message-ID this one answers, or ""
 */
public record GeneratedMail(String ref, String messageId, String inReplyTo, String subject, String from, String fromName,
        List<String> to, Instant postedAt, Instant deliveredAt, String body) {
}
