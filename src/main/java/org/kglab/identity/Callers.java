package org.kglab.identity;

import io.micronaut.security.authentication.Authentication;

import java.util.UUID;

/** Converts between the framework's {@link Authentication} and our {@link Caller}. */
public final class Callers {

    private Callers() {
    }

    public static Caller fromAuthentication(Authentication authentication) {
        return new Caller(new UserId(UUID.fromString(authentication.getName())), Role.known(authentication.getRoles()));
    }

    static Authentication toAuthentication(Caller caller) {
        return Authentication.build(caller.id().toString(), caller.roles().stream().map(Role::id).toList());
    }
}
