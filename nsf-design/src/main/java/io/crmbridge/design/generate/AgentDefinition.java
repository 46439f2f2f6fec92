package io.crmbridge.design.generate;

/** One Java agent of the design: its names, class, trigger, target documents and security level. */
public final class AgentDefinition {

    private final String key;
    private final String name;
    private final String alias;
    private final String comment;
    private final String className;
    private final Trigger trigger;
    private final int intervalMinutes;
    private final String documentSet;
    private final String restrictions;
    private final boolean optional;

    AgentDefinition(String key, String name, String alias, String comment, String className, Trigger trigger,
            int intervalMinutes, String documentSet, String restrictions, boolean optional) {
        this.key = key;
        this.name = name;
        this.alias = alias;
        this.comment = comment;
        this.className = className;
        this.trigger = trigger;
        this.intervalMinutes = intervalMinutes;
        this.documentSet = documentSet;
        this.restrictions = restrictions;
        this.optional = optional;
    }

    /** The key of this agent in {@code agents.properties}. */
    public String key() {
        return key;
    }

    public String name() {
        return name;
    }

    /** The alias (programmatic name) by which code and the installer find the agent. */
    public String alias() {
        return alias;
    }

    public String comment() {
        return comment;
    }

    /** The fully qualified name of the AgentBase subclass, e.g. io.crmbridge.agent.domino.InboxAgent. */
    public String className() {
        return className;
    }

    public Trigger trigger() {
        return trigger;
    }

    /** Minutes between runs of a scheduled agent; 0 for other triggers. */
    public int intervalMinutes() {
        return intervalMinutes;
    }

    /** The DXL document set type, or "" when the trigger implies it. */
    public String documentSet() {
        return documentSet;
    }

    /** restricted, unrestricted ("allow restricted operations", needed for network access) or fulladminunrestricted. */
    public String restrictions() {
        return restrictions;
    }

    /** An optional agent is left out of the design when its class is not in the agent jar. */
    public boolean optional() {
        return optional;
    }

    /** The class file the agent jar must hold for this agent, e.g. io/crmbridge/agent/domino/InboxAgent.class. */
    public String classEntry() {
        return className.replace('.', '/') + ".class";
    }
}
