package org.kglab.identity.user;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.jspecify.annotations.Nullable;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Role;
import org.kglab.identity.access.UserId;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** A user account. The password hash never leaves this package. */
@MappedEntity("users")
public record User(
        @Id UUID id,
        String email,
        @Nullable String passwordHash,
        String role,
        boolean emailVerified,
        boolean disabled,
        Instant createdAt) {

    public UserId userId() {
        return new UserId(id);
    }

    /** Roles are hierarchical: an admin holds the user role too. */
    public Set<Role> roleSet() {
        return Role.fromId(role) == Role.ADMIN ? EnumSet.of(Role.USER, Role.ADMIN) : EnumSet.of(Role.USER);
    }

    public User withRole(Role newRole) {
        return new User(id, email, passwordHash, newRole.id(), emailVerified, disabled, createdAt);
    }

    Caller asCaller() {
        return new Caller(userId(), roleSet());
    }
}
