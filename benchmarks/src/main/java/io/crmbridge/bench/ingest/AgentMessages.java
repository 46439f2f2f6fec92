package io.crmbridge.bench.ingest;

import io.crmbridge.agent.core.mail.Folder;
import io.crmbridge.agent.core.mail.MailAddress;
import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.bench.stream.GeneratedMail;
import io.crmbridge.bench.stream.MailStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Generated mail as the agent's reader would hand it to the submitter: one stream per agent, its own mailbox. */
final class AgentMessages {
    private AgentMessages() {
    }

    static List<List<MailMessage>> forAgents(int agents, int messagesPerAgent, long seed, List<UUID> records) {
        List<List<MailMessage>> out = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            String mailbox = "agent" + a + "@acme.example";
            MailStream stream = new MailStream(seed * 1000 + a, records, mailbox);
            List<MailMessage> messages = new ArrayList<>(messagesPerAgent);
            for (int i = 0; i < messagesPerAgent; i++) {
                messages.add(message(stream.next(), mailbox));
            }
            out.add(messages);
        }
        return out;
    }

    static MailMessage message(GeneratedMail g, String mailbox) {
        List<MailAddress> to = new ArrayList<>();
        for (String address : g.to()) {
            to.add(MailAddress.of(address));
        }
        return MailMessage.builder()
                .clientRef(g.ref())
                .mailbox(mailbox)
                .folder(Folder.INBOX)
                .messageId(g.messageId())
                .inReplyTo(g.inReplyTo())
                .subject(g.subject())
                .from(MailAddress.of(g.from(), g.fromName()))
                .to(to)
                .postedAt(g.postedAt())
                .deliveredAt(g.deliveredAt())
                .body(g.body(), false)
                .replicaId("C1257F4A00334B2D")
                .unid(g.ref())
                .build();
    }
}
