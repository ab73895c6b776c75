package org.kglab.identity.access;

import java.util.UUID;

/** Identity of a user account. */
public record UserId(UUID value) {

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
