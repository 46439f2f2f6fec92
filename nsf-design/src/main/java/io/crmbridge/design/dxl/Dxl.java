package io.crmbridge.design.dxl;

/** The DXL vocabulary shared by the generator and the installer. */
public final class Dxl {

    /** Every DXL element lives in this namespace. */
    public static final String NAMESPACE = "http://www.lotus.com/dxl";

    /**
     * The signer written into each agent's {@code wassignedby}. The DXL importer neither signs nor
     * trusts it; the installer puts the name of the ID it signs with in its place.
     */
    public static final String SIGNER_PLACEHOLDER = "CN=CRM Bridge Signer/O=Set At Install";

    /** The name the agent jar carries inside each agent's Java project. */
    public static final String AGENT_ARCHIVE_NAME = "crm-bridge-agent.jar";

    private Dxl() {
    }
}
