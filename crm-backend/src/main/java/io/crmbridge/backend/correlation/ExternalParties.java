package io.crmbridge.backend.correlation;

import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.Party;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The parties of a mail outside the organisation whose address says where it belongs: the sender, when the
 * sender is external (the mail came in); otherwise every external recipient (the mail went out, whichever
 * mailbox it was seen in).
 */
public final class ExternalParties {
    private ExternalParties() {
    }

    /** The external parties of {@code mail}, each once, with the address as compared ({@link CorrelationContext#addressOf}). */
    public static List<Party> of(InboundMail mail, CorrelationContext context) {
        if (mail.from().isPresent() && !context.addressOf(mail.from().get()).isEmpty() && !context.isInternal(mail.from().get())) {
            return List.of(compared(mail.from().get(), context));
        }
        Map<String, Party> external = new LinkedHashMap<>();
        Stream.of(mail.to(), mail.cc(), mail.bcc()).flatMap(List::stream)
                .filter(p -> !context.addressOf(p).isEmpty() && !context.isInternal(p))
                .map(p -> compared(p, context))
                .forEach(p -> external.putIfAbsent(p.email(), p));
        return List.copyOf(external.values());
    }

    /** Every party of {@code mail} that has an address or a Notes name, sender first. */
    public static List<Party> all(InboundMail mail) {
        List<Party> all = new ArrayList<>();
        mail.from().ifPresent(all::add);
        all.addAll(mail.to());
        all.addAll(mail.cc());
        all.addAll(mail.bcc());
        all.removeIf(p -> p.email().isBlank() && p.notesName().isBlank());
        return all;
    }

    /** Whether the sender of {@code mail} is one of ours (then the mail went out). */
    public static boolean sentByInternal(InboundMail mail, CorrelationContext context) {
        return mail.from().filter(p -> !p.email().isBlank() || !p.notesName().isBlank()).map(context::isInternal).orElse(false);
    }

    private static Party compared(Party p, CorrelationContext context) {
        return new Party(context.addressOf(p), p.displayName(), p.notesName());
    }
}
