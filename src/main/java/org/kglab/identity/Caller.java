package org.kglab.identity;

import java.util.Set;

/**
 * Who is making a request, as established from their credentials. Every access to owned data
 * goes through one of these; there is no way to read owned data without it.
 */
public record Caller(UserId id, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
