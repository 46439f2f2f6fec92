package io.crmbridge.backend.store;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MailFolder;
import io.crmbridge.backend.intake.Receipt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.crmbridge.backend.Mails.aMail;

/**
 * The child process of {@link DurableCommitTest}: opens the embedded store, submits a batch, prints each
 * receipt id as soon as {@code submit} has answered, then waits to be killed. Argument: the data directory.
 */
public final class SubmitThenWaitToBeKilled {
    public static void main(String[] args) throws Exception {
        BackendSettings settings = BackendSettings.embedded(Path.of(args[0])).withWorkers(0);
        CrmBackend backend = CrmBackend.start(settings);
        for (int round = 0; round < 5; round++) {
            List<InboundMail> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batch.add(aMail().in("durable@acme.example", MailFolder.INBOX).build());
            }
            List<Receipt> receipts = backend.mailIntake().submit(batch);
            StringBuilder out = new StringBuilder();
            for (Receipt r : receipts) {
                out.append("RECEIPT ").append(r.status()).append(' ').append(r.receiptId().orElse("-")).append('\n');
            }
            System.out.print(out);
            System.out.flush();
        }
        System.out.println("DONE");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
