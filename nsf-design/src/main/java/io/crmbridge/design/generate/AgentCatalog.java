package io.crmbridge.design.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The agents the design holds, read from {@code agents.properties}: adding an agent is adding lines there. */
public final class AgentCatalog {

    private static final List<String> RESTRICTIONS = Arrays.asList("restricted", "unrestricted", "fulladminunrestricted");
    private static final List<String> DOCUMENT_SETS =
            Arrays.asList("modified", "unreadinview", "allinview", "selected", "runonce", "all", "implicit");

    private AgentCatalog() {
    }

    /** The agents of the bundled {@code agents.properties}, in their declared order. */
    public static List<AgentDefinition> bundled() {
        return read(DesignProperties.resource("agents.properties"));
    }

    static List<AgentDefinition> read(DesignProperties properties) {
        List<AgentDefinition> agents = new ArrayList<>();
        for (String key : properties.list("agents")) {
            agents.add(agent(properties, key));
        }
        if (agents.isEmpty()) {
            throw new IllegalArgumentException(properties.source() + ": agents lists no agent");
        }
        return Collections.unmodifiableList(agents);
    }

    private static AgentDefinition agent(DesignProperties properties, String key) {
        Trigger trigger = Trigger.fromDxl(properties.required(key + ".trigger"));
        int interval = properties.number(key + ".intervalMinutes", 0);
        if (trigger == Trigger.SCHEDULED && (interval < 5 || interval > 1439)) {
            // The Agent Manager runs scheduled agents at most every 5 minutes and at least daily.
            throw new IllegalArgumentException(properties.source() + ": " + key
                    + ".intervalMinutes must be between 5 and 1439 for a scheduled agent");
        }
        String documentSet = properties.optional(key + ".documentSet", "");
        if (!documentSet.isEmpty() && !DOCUMENT_SETS.contains(documentSet)) {
            throw new IllegalArgumentException(properties.source() + ": " + key + ".documentSet '" + documentSet
                    + "' is not one of " + DOCUMENT_SETS);
        }
        if (trigger == Trigger.AFTER_NEW_MAIL && !documentSet.isEmpty()) {
            throw new IllegalArgumentException(properties.source() + ": " + key
                    + ".documentSet must be empty: new mail is the document set of an afternewmail agent");
        }
        String restrictions = properties.required(key + ".restrictions");
        if (!RESTRICTIONS.contains(restrictions)) {
            throw new IllegalArgumentException(properties.source() + ": " + key + ".restrictions '" + restrictions
                    + "' is not one of " + RESTRICTIONS);
        }
        return new AgentDefinition(key, properties.required(key + ".name"), properties.required(key + ".alias"),
                properties.optional(key + ".comment", ""), properties.required(key + ".class"), trigger,
                trigger == Trigger.SCHEDULED ? interval : 0, documentSet, restrictions,
                Boolean.parseBoolean(properties.optional(key + ".optional", "false")));
    }
}
