package io.crmbridge.agent.domino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmbridge.agent.core.mail.AttachmentInfo;
import io.crmbridge.agent.core.mail.Folder;
import io.crmbridge.agent.core.mail.MailAddress;
import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.fixtures.domino.FakeDomino;
import io.crmbridge.fixtures.domino.FakeSession;
import io.crmbridge.fixtures.domino.Memo;
import io.crmbridge.fixtures.domino.Note;
import io.crmbridge.fixtures.domino.Nsf;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import lotus.domino.Database;
import lotus.domino.Document;
import lotus.domino.NotesException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading memos as Domino stores them: Notes rich text and native MIME, addresses, threading, attachments. */
class MemoReaderTest {
    private static final String TAG = "CRM:{0f8fad5b-d9cb-469f-a165-70867728950e}:MRC";
    private final FakeDomino domino = new FakeDomino();
    private final Nsf mail = domino.createDatabase("mail/jdoe.nsf", "Jane Doe");
    private FakeSession session;
    private Database db;
    private int handlesBefore;

    @BeforeEach
    void open() throws NotesException {
        session = domino.openSession();
        session.setConvertMime(false);
        db = session.getDatabase("", "mail/jdoe.nsf");
        handlesBefore = session.liveHandles();
    }

    @AfterEach
    void close() throws NotesException {
        assertThat(session.liveHandles()).as(session.describeLiveHandles()).isEqualTo(handlesBefore);
        db.recycle();
        assertThat(session.liveHandles()).isZero();
    }

    private MailMessage read(Note note, Folder folder, String mailbox, int limit) throws NotesException {
        Document doc = db.getDocumentByUNID(note.unid());
        try {
            return new MemoReader(session, folder, mailbox, mail.replicaId(), limit).read(doc);
        } finally {
            doc.recycle();
        }
    }

    private MailMessage inbox(Note note) throws NotesException {
        return read(note, Folder.INBOX, "jane.doe@acme.example", 64 * 1024);
    }

    @Test
    void readsANotesMemoWithNamesAndInternetAddresses() throws NotesException {
        Instant posted = Instant.parse("2024-05-02T08:00:00Z");
        Instant delivered = Instant.parse("2024-05-02T08:00:05Z");
        Note note = Memo.notes().from("CN=Tom Lee/OU=Sales/O=Acme", "Tom Lee <tom.lee@acme.example>")
                .toPerson("CN=Jane Doe/O=Acme", "jane.doe@acme.example").to("bob@customer.example")
                .ccPerson("CN=Ann Other/O=Acme", "ann@acme.example").cc("CN=No Mail/O=Acme")
                .subject("Offer " + TAG).body("Hello Jane,\nthe offer.\n\nTom")
                .messageId("<OF1234@acme.example>").inReplyTo("<parent@customer.example>")
                .references("<root@customer.example>", "<parent@customer.example>")
                .attachment("offer.pdf", 2048).attachment("prices.xlsx", 100)
                .postedAt(posted).deliveredAt(delivered).inInbox().build(mail);

        MailMessage m = inbox(note);

        assertThat(m.clientRef()).isEqualTo(note.unid());
        assertThat(m.unid()).isEqualTo(note.unid());
        assertThat(m.replicaId()).isEqualTo(mail.replicaId());
        assertThat(m.folder()).isEqualTo(Folder.INBOX);
        assertThat(m.mailbox()).isEqualTo("jane.doe@acme.example");
        assertThat(m.subject()).isEqualTo("Offer " + TAG);
        assertThat(m.from()).contains(MailAddress.of("tom.lee@acme.example", "Tom Lee", "CN=Tom Lee/OU=Sales/O=Acme"));
        assertThat(m.to()).containsExactly(
                MailAddress.of("jane.doe@acme.example", "Jane Doe", "CN=Jane Doe/O=Acme"),
                MailAddress.of("bob@customer.example"));
        assertThat(m.cc()).containsExactly(
                MailAddress.of("ann@acme.example", "Ann Other", "CN=Ann Other/O=Acme"),
                MailAddress.of("", "No Mail", "CN=No Mail/O=Acme"));
        assertThat(m.body()).isEqualTo("Hello Jane,\r\nthe offer.\r\n\r\nTom");
        assertThat(m.bodyTruncated()).isFalse();
        assertThat(m.messageId()).isEqualTo("<OF1234@acme.example>");
        assertThat(m.inReplyTo()).isEqualTo("<parent@customer.example>");
        assertThat(m.references()).containsExactly("<root@customer.example>", "<parent@customer.example>");
        assertThat(m.postedAt()).contains(posted);
        assertThat(m.deliveredAt()).contains(delivered);
        assertThat(m.attachments()).containsExactly(new AttachmentInfo("offer.pdf", 2048), new AttachmentInfo("prices.xlsx", 100));
    }

    @Test
    void readsAnInternetMemoPreferringThePlainText() throws NotesException {
        Note note = Memo.internet().from("\"Smith, Bob\" <bob@customer.example>").to("Jane Doe <jane.doe@acme.example>")
                .cc("carol@customer.example").subject("Re: Angebot für Müller " + TAG)
                .body("Grüße aus Köln\nBob").html("<p>HTML version</p>").inInbox().build(mail);

        MailMessage m = inbox(note);

        assertThat(m.from()).contains(MailAddress.of("bob@customer.example", "Smith, Bob"));
        assertThat(m.to()).containsExactly(MailAddress.of("jane.doe@acme.example", "Jane Doe"));
        assertThat(m.cc()).containsExactly(MailAddress.of("carol@customer.example"));
        assertThat(m.subject()).isEqualTo("Re: Angebot für Müller " + TAG);
        assertThat(m.body()).contains("Grüße aus Köln").contains("Bob").doesNotContain("HTML version");
        assertThat(m.messageId()).startsWith("<").endsWith("@customer.example>");
    }

    /** A single-part message written as raw MIME, to control every header. */
    private Note single(String contentType, String transferEncoding, byte[] content) {
        byte[] head = ("From: Bob <bob@customer.example>\r\nTo: jane.doe@acme.example\r\nSubject: single\r\n"
                + "Message-ID: <single-" + System.nanoTime() + "@customer.example>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: " + contentType + "\r\nContent-Transfer-Encoding: " + transferEncoding + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] eml = new byte[head.length + content.length];
        System.arraycopy(head, 0, eml, 0, head.length);
        System.arraycopy(content, 0, eml, head.length, content.length);
        return Memo.eml(eml).inInbox().build(mail);
    }

    @Test
    void decodesQuotedPrintable() throws NotesException {
        Note note = single("text/plain; charset=UTF-8", "quoted-printable",
                ("Stra=C3=9Fe =E2=80=93 na=C3=AFve =E2=82=AC and a soft=\r\n break").getBytes(StandardCharsets.US_ASCII));

        assertThat(inbox(note).body()).isEqualTo("Straße – naïve € and a soft break");
    }

    @Test
    void decodesBase64InTheCharsetOfThePart() throws NotesException {
        String encoded = java.util.Base64.getMimeEncoder().encodeToString("Søren sagt: Grüß Gott".getBytes(StandardCharsets.ISO_8859_1));
        Note note = single("text/plain; charset=ISO-8859-1", "base64", encoded.getBytes(StandardCharsets.US_ASCII));

        assertThat(inbox(note).body()).isEqualTo("Søren sagt: Grüß Gott");
    }

    @Test
    void readsEightBitTextInItsCharset() throws NotesException {
        Note note = single("text/plain; charset=windows-1252", "8bit", "Preis: 100 € – netto".getBytes(java.nio.charset.Charset.forName("windows-1252")));

        assertThat(inbox(note).body()).isEqualTo("Preis: 100 € – netto");
    }

    @Test
    void makesPlainTextOfAnHtmlOnlyBody() throws NotesException {
        Note note = single("text/html; charset=UTF-8", "quoted-printable", ("<html><head><style>p{}</style></head><body><p>Dear Jane,</p>"
                + "<p>price &amp; terms<br>below &euro;5 f=C3=BCr M=C3=BCller</p></body></html>").getBytes(StandardCharsets.US_ASCII));

        assertThat(inbox(note).body()).isEqualTo("Dear Jane,\n\nprice & terms\nbelow €5 für Müller");
    }

    @Test
    void readsSinglePartBodiesMadeByTheBuilder() throws NotesException {
        Note qp = Memo.internet().subject("qp").body("Straße – €").plainTextOnly().quotedPrintable().inInbox().build(mail);
        Note html = Memo.internet().subject("html").html("<p>Only <b>HTML</b> für €</p>").htmlOnly().base64()
                .charset("ISO-8859-15").inInbox().build(mail);

        assertThat(inbox(qp).body()).isEqualTo("Straße – €");
        assertThat(inbox(html).body()).isEqualTo("Only HTML für €");
    }

    @Test
    void listsMimeAttachmentsAndKeepsThemOutOfTheBody() throws NotesException {
        Note note = Memo.internet().subject("files").body("see attached").attachment("offer.pdf", 3000)
                .attachment("notes.txt", "attached text".getBytes(StandardCharsets.UTF_8)).inInbox().build(mail);

        MailMessage m = inbox(note);

        assertThat(m.body()).isEqualTo("see attached");
        assertThat(m.attachments()).containsExactly(new AttachmentInfo("offer.pdf", 3000), new AttachmentInfo("notes.txt", 13));
    }

    @Test
    void readsAMessageFromAnEmlFile() throws NotesException {
        String eml = "From: =?UTF-8?Q?J=C3=BCrgen?= <jm@kunde.example>\r\nTo: jane.doe@acme.example\r\n"
                + "Subject: =?UTF-8?Q?Anfrage_f=C3=BCr_Angebot?= " + TAG + "\r\nMessage-ID: <eml-1@kunde.example>\r\n"
                + "In-Reply-To: <OF1234@acme.example>\r\nReferences: <a@x.example>\r\n <OF1234@acme.example>\r\n"
                + "Date: Thu, 02 May 2024 10:00:00 +0200\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "<p>Gr=C3=BC=C3=9Fe</p>\r\n"
                + "--b\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getEncoder().encodeToString("Grüße, Jürgen".getBytes(StandardCharsets.UTF_8)) + "\r\n"
                + "--b--\r\n";
        Note note = Memo.eml(eml.getBytes(StandardCharsets.US_ASCII)).inInbox().build(mail);

        MailMessage m = inbox(note);

        assertThat(m.subject()).isEqualTo("Anfrage für Angebot " + TAG);
        assertThat(m.from()).contains(MailAddress.of("jm@kunde.example", "Jürgen"));
        assertThat(m.body()).as("the plain part wins even when it comes second").isEqualTo("Grüße, Jürgen");
        assertThat(m.messageId()).isEqualTo("<eml-1@kunde.example>");
        assertThat(m.inReplyTo()).isEqualTo("<OF1234@acme.example>");
        assertThat(m.references()).containsExactly("<a@x.example>", "<OF1234@acme.example>");
        assertThat(m.postedAt()).contains(Instant.parse("2024-05-02T08:00:00Z"));
    }

    @Test
    void cutsTheBodyAtTheLimit() throws NotesException {
        Note rich = Memo.notes().subject("long").body("a".repeat(5000)).inInbox().build(mail);
        Note mime = Memo.internet().subject("long").body("b".repeat(5000)).plainTextOnly().inInbox().build(mail);

        MailMessage r = read(rich, Folder.INBOX, "jane.doe@acme.example", 1024);
        MailMessage m = read(mime, Folder.INBOX, "jane.doe@acme.example", 1024);

        assertThat(r.body()).hasSize(1024);
        assertThat(r.bodyTruncated()).isTrue();
        assertThat(m.body()).hasSize(1024);
        assertThat(m.bodyTruncated()).isTrue();
    }

    @Test
    void aMemoWithoutMessageIdOrBodyIsStillAMessage() throws NotesException {
        Note note = Memo.notes().subject("").noMessageId().inInbox().build(mail);
        mail.note(note.unid()).get().remove("Body");

        MailMessage m = inbox(note);

        assertThat(m.messageId()).isEmpty();
        assertThat(m.body()).isEmpty();
        assertThat(m.subject()).isEmpty();
        assertThat(m.attachments()).isEmpty();
    }

    @Test
    void aSentMemoWithoutConfiguredMailboxUsesItsSender() throws NotesException {
        Note note = Memo.notes().from("CN=Jane Doe/O=Acme", "jane.doe@acme.example").to("bob@customer.example")
                .subject("Offer").sent().build(mail);

        MailMessage m = read(note, Folder.SENT, "", 1024);

        assertThat(m.mailbox()).isEqualTo("jane.doe@acme.example");
        assertThat(m.folder()).isEqualTo(Folder.SENT);
        assertThat(m.deliveredAt()).isEmpty();
        assertThat(m.postedAt()).isPresent();
    }

    @Test
    void withoutAnyMailboxAddressTheMemoCannotBeSubmitted() {
        Note note = Memo.notes().from("CN=Jane Doe/O=Acme").to("bob@customer.example").subject("Offer").sent().build(mail);

        assertThatThrownBy(() -> read(note, Folder.SENT, "", 1024)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MailboxAddress");
    }

    @Test
    void aReferencesListWithOneIdPerValueIsReadToo() {
        assertThat(MemoReader.messageIds(List.of("<a@x>", "<b@y> <c@z>"))).containsExactly("<a@x>", "<b@y>", "<c@z>");
        assertThat(MemoReader.messageIds(List.of("a@x, b@y"))).containsExactly("a@x", "b@y");
        assertThat(MemoReader.messageId("  <a@x>  ")).isEqualTo("<a@x>");
    }
}
