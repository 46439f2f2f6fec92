package io.crmbridge.design.generate;

import java.util.List;

/** One item of the per-database settings profile and the field that edits it. */
public final class SettingsField {

    /** The field types the settings form uses, by their DXL names. */
    public enum Type {
        TEXT("text"), NUMBER("number"), KEYWORD("keyword");

        private final String dxl;

        Type(String dxl) {
            this.dxl = dxl;
        }

        public String dxl() {
            return dxl;
        }

        static Type fromDxl(String value) {
            for (Type type : values()) {
                if (type.dxl.equals(value)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("unknown field type '" + value + "' (use text, number or keyword)");
        }
    }

    private final String item;
    private final Type type;
    private final String label;
    private final String help;
    private final String defaultFormula;
    private final List<String> choices;

    SettingsField(String item, Type type, String label, String help, String defaultFormula, List<String> choices) {
        this.item = item;
        this.type = type;
        this.label = label;
        this.help = help;
        this.defaultFormula = defaultFormula;
        this.choices = choices;
    }

    /** The item name in the profile document, which the agent reads. */
    public String item() {
        return item;
    }

    public Type type() {
        return type;
    }

    public String label() {
        return label;
    }

    /** A sentence for the administrator; "" when there is none. */
    public String help() {
        return help;
    }

    /** The field's default value formula; "" for none. */
    public String defaultFormula() {
        return defaultFormula;
    }

    /** Keyword choices as "Shown|stored" synonyms; empty unless the type is KEYWORD. */
    public List<String> choices() {
        return choices;
    }
}
