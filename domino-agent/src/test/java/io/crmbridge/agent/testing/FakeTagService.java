package io.crmbridge.agent.testing;

import io.crmbridge.agent.core.submit.TransportException;
import io.crmbridge.agent.core.tag.OutgoingMail;
import io.crmbridge.agent.core.tag.SubjectTag;
import io.crmbridge.agent.core.tag.TagAnswer;
import io.crmbridge.agent.core.tag.TagService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tag service without a server: remembers what it was asked and answers a fixed tag, no tag, or a failure. */
public final class FakeTagService implements TagService {
    public static final String GUID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    /** How to answer one mail. */
    public interface Answerer {
        TagAnswer answer(OutgoingMail mail) throws TransportException;
    }

    private final List<OutgoingMail> asked = new CopyOnWriteArrayList<>();
    private volatile Answerer answerer;

    private FakeTagService(Answerer answerer) {
        this.answerer = answerer;
    }

    /** Answers the tag of {@link #GUID} for every mail, found by ADDRESS. */
    public static FakeTagService tagging() {
        return answering(tag(GUID));
    }

    public static FakeTagService answering(Answerer answerer) {
        return new FakeTagService(answerer);
    }

    public static FakeTagService noTag() {
        return answering(mail -> TagAnswer.none(mail.subject()));
    }

    public static FakeTagService failing(String code) {
        return answering(mail -> {
            throw new TransportException(code, "fake tag service failing with " + code);
        });
    }

    /** An answerer giving the record's tag, as the service would. */
    public static Answerer tag(String guid) {
        return mail -> {
            SubjectTag tag = SubjectTag.of(guid);
            return new TagAnswer(tag.text(), tag.appendTo(mail.subject()), "contact", guid, "Bob Baker", "ADDRESS",
                    "bob@customer.example");
        };
    }

    @Override
    public TagAnswer tagOutgoing(OutgoingMail mail) throws TransportException {
        asked.add(mail);
        return answerer.answer(mail);
    }

    public List<OutgoingMail> asked() {
        return asked;
    }
}
