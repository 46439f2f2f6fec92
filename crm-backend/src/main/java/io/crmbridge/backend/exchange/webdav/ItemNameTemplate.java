package io.crmbridge.backend.exchange.webdav;

import java.util.Objects;

/**
 * Makes the stable item name of a contact from its CRM id, e.g. {@code Customer-{id}.EML}. The name
 * must never derive from the person's name: PROPPATCH creates or updates by name, so a renamed
 * person would otherwise turn into a second contact.
 */
public record ItemNameTemplate(String pattern) {

    public static final String PLACEHOLDER = "{id}";
    public static final ItemNameTemplate DEFAULT = new ItemNameTemplate("Customer-{id}.EML");

    public ItemNameTemplate {
        Objects.requireNonNull(pattern, "pattern");
        if (!pattern.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("item name template must contain " + PLACEHOLDER + ": " + pattern);
        }
        if (pattern.contains("/")) {
            throw new IllegalArgumentException("item name template must not contain '/': " + pattern);
        }
    }

    public String itemName(String crmId) {
        return pattern.replace(PLACEHOLDER, crmId);
    }
}
