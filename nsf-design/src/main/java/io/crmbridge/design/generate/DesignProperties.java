package io.crmbridge.design.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/** A design description read from a UTF-8 properties resource, with clear errors for missing keys. */
final class DesignProperties {

    private final String source;
    private final Properties properties;

    DesignProperties(String source, Properties properties) {
        this.source = source;
        this.properties = properties;
    }

    /** Reads a resource that sits beside this class. */
    static DesignProperties resource(String name) {
        try (InputStream in = DesignProperties.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("design resource " + name + " is missing from the build");
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return new DesignProperties(name, properties);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read design resource " + name, e);
        }
    }

    String required(String key) {
        String value = properties.getProperty(key, "").trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + key + " is required");
        }
        return value;
    }

    String optional(String key, String absent) {
        return properties.getProperty(key, absent).trim();
    }

    int number(String key, int absent) {
        String value = optional(key, "");
        if (value.isEmpty()) {
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": " + key + " must be a whole number, not '" + value + "'");
        }
    }

    /** A comma-separated list, in order; empty when the key is absent. */
    List<String> list(String key) {
        String value = optional(key, "");
        if (value.isEmpty()) {
            return Collections.emptyList();
        }
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.trim().isEmpty()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    String source() {
        return source;
    }
}
