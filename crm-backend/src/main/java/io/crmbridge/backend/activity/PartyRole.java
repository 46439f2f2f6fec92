package io.crmbridge.backend.activity;

/** The header a party of an activity appeared in. */
public enum PartyRole {
    FROM,
    TO,
    CC,
    BCC
}
