package io.crmbridge.agent.core.submit;

/** The front end's answer for one submitted message. */
public final class Receipt {
    /** What the front end did with the message. */
    public enum Status {
        /** Durably stored for recording. */
        ACCEPTED,
        /** Stored before (same mailbox and Message-ID); the receipt id is the first submission's. */
        DUPLICATE,
        /** Refused for good; nothing stored; see the fault code and reason. */
        REJECTED
    }

    private final String clientRef;
    private final Status status;
    private final String receiptId;
    private final String faultCode;
    private final String reason;

    public Receipt(String clientRef, Status status, String receiptId, String faultCode, String reason) {
        if (clientRef == null || status == null) {
            throw new IllegalArgumentException("a receipt needs a client reference and a status");
        }
        this.clientRef = clientRef;
        this.status = status;
        this.receiptId = receiptId == null ? "" : receiptId;
        this.faultCode = faultCode == null ? "" : faultCode;
        this.reason = reason == null ? "" : reason;
    }

    public String clientRef() {
        return clientRef;
    }

    public Status status() {
        return status;
    }

    /** The server's id for the stored message, or "" when rejected. */
    public String receiptId() {
        return receiptId;
    }

    public String faultCode() {
        return faultCode;
    }

    public String reason() {
        return reason;
    }

    /** True when the message is durably stored on the server (accepted now or before). */
    public boolean isAcknowledged() {
        return status == Status.ACCEPTED || status == Status.DUPLICATE;
    }

    @Override
    public String toString() {
        return "Receipt[" + clientRef + " " + status + (receiptId.isEmpty() ? "" : " " + receiptId)
                + (faultCode.isEmpty() ? "" : " " + faultCode + ": " + reason) + "]";
    }
}
