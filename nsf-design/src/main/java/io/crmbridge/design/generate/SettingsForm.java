package io.crmbridge.design.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The design of the per-database settings profile form, read from {@code settings-form.properties}. */
public final class SettingsForm {

    private final String name;
    private final String alias;
    private final String comment;
    private final String title;
    private final List<SettingsField> fields;

    private SettingsForm(String name, String alias, String comment, String title, List<SettingsField> fields) {
        this.name = name;
        this.alias = alias;
        this.comment = comment;
        this.title = title;
        this.fields = fields;
    }

    /** The form described by the bundled {@code settings-form.properties}. */
    public static SettingsForm bundled() {
        return read(DesignProperties.resource("settings-form.properties"));
    }

    static SettingsForm read(DesignProperties properties) {
        List<SettingsField> fields = new ArrayList<>();
        for (String item : properties.list("fields")) {
            SettingsField.Type type = SettingsField.Type.fromDxl(properties.required(item + ".type"));
            List<String> choices = properties.list(item + ".choices");
            if (type == SettingsField.Type.KEYWORD && choices.isEmpty()) {
                throw new IllegalArgumentException(properties.source() + ": " + item + ".choices is required for a keyword field");
            }
            fields.add(new SettingsField(item, type, properties.required(item + ".label"),
                    properties.optional(item + ".help", ""), properties.optional(item + ".default", ""),
                    type == SettingsField.Type.KEYWORD ? choices : Collections.<String>emptyList()));
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException(properties.source() + ": fields lists no field");
        }
        return new SettingsForm(properties.required("form.name"), properties.required("form.alias"),
                properties.optional("form.comment", ""), properties.required("form.title"),
                Collections.unmodifiableList(fields));
    }

    public String name() {
        return name;
    }

    /**
     * The alias, which is also the profile name: {@code Database.getProfileDocument(alias, null)} in the agent and
     * {@code @Command([EditProfile]; alias)} in the client.
     */
    public String alias() {
        return alias;
    }

    public String comment() {
        return comment;
    }

    /** The heading shown at the top of the form. */
    public String title() {
        return title;
    }

    public List<SettingsField> fields() {
        return fields;
    }
}
