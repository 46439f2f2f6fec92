package io.crmbridge.design.install;

/** One design element of the CRM Bridge DXL, as the installer reports, finds and removes it. */
public final class DesignElement {

    /** The kinds of design element the DXL holds, by their DXL element names. */
    public enum Kind {
        AGENT("agent"), FORM("form");

        private final String dxl;

        Kind(String dxl) {
            this.dxl = dxl;
        }

        public String dxl() {
            return dxl;
        }
    }

    private final Kind kind;
    private final String name;
    private final String alias;

    public DesignElement(Kind kind, String name, String alias) {
        this.kind = kind;
        this.name = name;
        this.alias = alias;
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    /** The programmatic name; "" when the element has none. */
    public String alias() {
        return alias;
    }

    @Override
    public String toString() {
        return kind.dxl() + " '" + name + "'";
    }
}
