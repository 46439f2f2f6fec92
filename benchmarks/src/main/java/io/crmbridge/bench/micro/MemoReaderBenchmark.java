package io.crmbridge.bench.micro;

import io.crmbridge.agent.core.mail.Folder;
import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.agent.domino.MemoReader;
import io.crmbridge.bench.stream.GeneratedMail;
import io.crmbridge.bench.stream.MailStream;
import io.crmbridge.fixtures.domino.FakeDomino;
import io.crmbridge.fixtures.domino.FakeSession;
import io.crmbridge.fixtures.domino.Memo;
import io.crmbridge.fixtures.domino.NotesMemoBuilder;
import io.crmbridge.fixtures.domino.Nsf;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lotus.domino.Database;
import lotus.domino.Document;
import lotus.domino.NotesException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The agent's message reading ({@link MemoReader#read}) on one fake-domino memo of each kind (a MIME memo
 * from the internet, a Notes memo with rich text, both with a ~10 KB body and several recipients), against
 * the floor of the same fake: reading the same items as plain text with no conversion.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MemoReaderBenchmark {
    @Param({"internet", "notes"})
    public String kind;

    private FakeSession session;
    private Document doc;
    private MemoReader reader;

    @Setup(Level.Trial)
    public void setUp() throws NotesException {
        FakeDomino domino = new FakeDomino();
        Nsf mail = domino.createDatabase("mail/jdoe.nsf", "Jane Doe");
        MailStream stream = new MailStream(5, MailStream.recordIds(5, 10), "jane.doe@acme.example");
        GeneratedMail g = stream.next();
        while (g.body().length() < 9000 || g.body().length() > 12000 || g.to().size() < 4) {
            g = stream.next();
        }
        String unid;
        if (kind.equals("internet")) {
            unid = Memo.internet().from(g.fromName() + " <" + g.from() + ">").to(g.to().toArray(String[]::new)).subject(g.subject())
                    .messageId(g.messageId()).body(g.body()).inInbox().build(mail).unid();
        } else {
            NotesMemoBuilder b = Memo.notes().from("CN=" + g.fromName() + "/O=Customer", g.from());
            for (String to : g.to()) {
                b.toPerson("CN=" + to.substring(0, to.indexOf('@')) + "/O=Acme", to);
            }
            unid = b.subject(g.subject()).messageId(g.messageId()).body(g.body()).inInbox().build(mail).unid();
        }
        session = domino.openSession();
        session.setConvertMime(false);
        Database db = session.getDatabase("", "mail/jdoe.nsf");
        doc = db.getDocumentByUNID(unid);
        reader = new MemoReader(session, Folder.INBOX, "jane.doe@acme.example", db.getReplicaID(), 64 * 1024);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.recycle();
    }

    /** Memos per second turned into a {@link MailMessage}. */
    @Benchmark
    public MailMessage read() throws NotesException {
        return reader.read(doc);
    }

    /** The floor: the same items read as plain strings, no addresses parsed, no body converted. */
    @Benchmark
    public int itemsFloor() throws NotesException {
        int n = 0;
        for (String item : List.of("Subject", "From", "SendTo", "CopyTo", "INetFrom", "INetSendTo", "$MessageID", "In_Reply_To", "PostedDate", "DeliveredDate")) {
            n += doc.getItemValueString(item) == null ? 0 : 1;
        }
        return n;
    }
}
