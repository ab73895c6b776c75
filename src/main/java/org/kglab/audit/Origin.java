package org.kglab.audit;

/**
 * Where a request came from, as recorded in the audit trail: the client's address and what it
 * called itself. Both are bounded, since the user agent is whatever the client chose to send.
 */
public record Origin(String address, String userAgent) {

    static final int MAX_USER_AGENT = 256;

    /** For work the service does on its own, such as start-up tasks. */
    public static final Origin SERVICE = new Origin("service", "");

    public Origin {
        address = address.length() > 64 ? address.substring(0, 64) : address;
        userAgent = userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
    }
}
