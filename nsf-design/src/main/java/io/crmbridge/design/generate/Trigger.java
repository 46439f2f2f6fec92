package io.crmbridge.design.generate;

/** When Domino runs an agent: the DXL trigger types CRM Bridge uses. */
public enum Trigger {
    /** "After new mail has arrived": the Agent Manager runs it over mail delivered since its last run. */
    AFTER_NEW_MAIL("afternewmail"),
    /** "On schedule": the Agent Manager runs it every few minutes. */
    SCHEDULED("scheduled"),
    /** "Agent list selection": only run when called, e.g. from a form event. */
    AGENT_LIST("agentlist");

    private final String dxl;

    Trigger(String dxl) {
        this.dxl = dxl;
    }

    /** The value of {@code trigger/@type}. */
    public String dxl() {
        return dxl;
    }

    /** The trigger whose DXL value is {@code value}. */
    public static Trigger fromDxl(String value) {
        for (Trigger trigger : values()) {
            if (trigger.dxl.equals(value)) {
                return trigger;
            }
        }
        throw new IllegalArgumentException("unknown trigger '" + value + "' (use afternewmail, scheduled or agentlist)");
    }
}
