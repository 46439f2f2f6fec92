package io.crmbridge.backend.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The stored form of a submitted mail: the whole {@link InboundMail} as JSON, versioned. */
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

    public static String write(InboundMail mail) {
        try {
            return MAPPER.writeValueAsString(mail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a mail as JSON", e);
        }
    }

    /** The mail stored as {@code json}; throws {@link IllegalArgumentException} when it is not a mail. */
    public static InboundMail read(String json) {
        try {
            return MAPPER.readValue(json, InboundMail.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored mail is not readable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
