package io.crmbridge.backend.exchange.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmbridge.backend.exchange.ContactFields;
import java.util.Optional;

/** Contact fields as the JSON kept in the outbox and conflict records ("" stands for "none"). */
final class FieldsJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private FieldsJson() {
    }

    static String write(ContactFields fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write contact fields as JSON", e);
        }
    }

    static Optional<ContactFields> read(String json) {
        if (json.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(json, ContactFields.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable contact fields in the outbox: " + e.getOriginalMessage(), e);
        }
    }
}
