package io.crmbridge.backend.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.charset.StandardCharsets;

/**
 * The stored form of a submitted mail: the {@link InboundMail} as JSON, versioned, with its body kept apart
 * as UTF-8 bytes (JSON-escaping and parsing a 20 KB body cost more than storing it; why bytes, see V7).
 */
public final class MailJson {
    /** The payload format written now; stored beside each payload. */
    public static final int VERSION = 1;

    // Unknown properties are ignored so that a payload written by a newer version still reads.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private MailJson() {
    }

    /** A mail as stored: everything but the body as JSON, and the body in UTF-8. */
    public record Stored(String json, byte[] body) {
    }

    public static Stored write(InboundMail mail) {
        try {
            return new Stored(MAPPER.writeValueAsString(mail.withBody("")), mail.body().getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a mail as JSON", e);
        }
    }

    /**
     * The mail stored as {@code json} and {@code body} (UTF-8); payloads stored before bodies were kept apart have
     * the body inside the JSON and none beside it. Throws {@link IllegalArgumentException} when it is not a mail.
     */
    public static InboundMail read(String json, byte[] body) {
        InboundMail mail;
        try {
            mail = MAPPER.readValue(json, InboundMail.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored mail is not readable JSON: " + e.getOriginalMessage(), e);
        }
        return body.length == 0 ? mail : mail.withBody(new String(body, StandardCharsets.UTF_8));
    }
}
