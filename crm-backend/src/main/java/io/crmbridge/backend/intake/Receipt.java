package io.crmbridge.backend.intake;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer for one submitted mail. ACCEPTED and DUPLICATE carry a receipt id to ask the status with;
 * REJECTED carries a fault code and reason instead.
 */
public record Receipt(String clientRef, ReceiptStatus status, Optional<String> receiptId,
                      Optional<String> faultCode, Optional<String> reason) {

    /** The fault code of a mail that cannot be stored as submitted. */
    public static final String INVALID_MESSAGE = "INVALID_MESSAGE";

    public Receipt {
        clientRef = Objects.requireNonNullElse(clientRef, "");
        Objects.requireNonNull(status, "status");
        receiptId = Objects.requireNonNullElse(receiptId, Optional.empty());
        faultCode = Objects.requireNonNullElse(faultCode, Optional.empty());
        reason = Objects.requireNonNullElse(reason, Optional.empty());
    }

    static Receipt accepted(String clientRef, String receiptId) {
        return new Receipt(clientRef, ReceiptStatus.ACCEPTED, Optional.of(receiptId), Optional.empty(), Optional.empty());
    }

    static Receipt duplicate(String clientRef, String receiptId) {
        return new Receipt(clientRef, ReceiptStatus.DUPLICATE, Optional.of(receiptId), Optional.empty(), Optional.empty());
    }

    static Receipt rejected(String clientRef, String reason) {
        return new Receipt(clientRef, ReceiptStatus.REJECTED, Optional.empty(), Optional.of(INVALID_MESSAGE), Optional.of(reason));
    }
}
