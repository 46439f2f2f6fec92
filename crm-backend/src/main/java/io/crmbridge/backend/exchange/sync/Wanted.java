package io.crmbridge.backend.exchange.sync;

/** What the CRM wants a folder to hold for one contact: its fields as JSON and their fingerprint. */
record Wanted(String crmId, String hash, String fieldsJson) {
}
