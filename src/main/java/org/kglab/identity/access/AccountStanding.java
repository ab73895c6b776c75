package org.kglab.identity.access;

/**
 * Whether an account may act at all. A disabled account may not: neither through requests nor through work it
 * set up before and that runs on its behalf (the feeds it follows).
 */
public interface AccountStanding {

    boolean disabled(UserId user);
}
