package org.kglab.identity.access;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What an account may do beyond using its own data. Stored and put in tokens by {@link #id()}. */
public enum Role {
    USER,
    ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** Roles from a token: names this version does not know grant nothing, rather than failing. */
    public static Set<Role> known(Collection<String> ids) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String id : ids) {
            Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst().ifPresent(roles::add);
        }
        return roles;
    }
}
