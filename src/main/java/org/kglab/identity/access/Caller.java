package org.kglab.identity.access;

import org.jspecify.annotations.Nullable;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who is making a request, as established from their credentials. Every access to owned data
 * goes through one of these; there is no way to read owned data without it. A caller that signed
 * in holds every scope; one that presented an API key holds that key's scopes, never the admin
 * role, and cannot manage the account (passwords, keys).
 */
public record Caller(UserId id, Set<Role> roles, Set<Scope> scopes, @Nullable UUID apiKeyId) {

    public Caller {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    /** A signed-in user. */
    public Caller(UserId id, Set<Role> roles) {
        this(id, roles, EnumSet.allOf(Scope.class), null);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean viaApiKey() {
        return apiKeyId != null;
    }

    /** @throws NotPermitted when this caller's credentials do not carry {@code scope} */
    public void require(Scope scope) {
        if (!scopes.contains(scope)) {
            throw new NotPermitted("This API key does not have the '" + scope.id() + "' scope.");
        }
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw new NotPermitted("Only administrators may do this.");
        }
    }

    /** Account settings (password, API keys) need a real sign-in, not an API key. */
    public void requireSignedIn() {
        if (viaApiKey()) {
            throw new NotPermitted("API keys cannot manage the account; sign in with a password instead.");
        }
    }
}
