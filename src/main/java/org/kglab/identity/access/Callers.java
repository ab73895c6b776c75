package org.kglab.identity.access;

import io.micronaut.security.authentication.Authentication;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Converts between the framework's {@link Authentication} and our {@link Caller}. */
public final class Callers {

    private static final String SCOPES = "scopes";
    private static final String API_KEY = "apiKey";

    private Callers() {
    }

    public static Caller fromAuthentication(Authentication authentication) {
        Map<String, Object> attributes = authentication.getAttributes();
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (attributes.get(SCOPES) instanceof Collection<?> ids) {
            ids.forEach(id -> scopes.add(Scope.fromId(id.toString())));
        }
        Object apiKey = attributes.get(API_KEY);
        return new Caller(new UserId(UUID.fromString(authentication.getName())), Role.known(authentication.getRoles()),
                scopes, apiKey == null ? null : UUID.fromString(apiKey.toString()));
    }

    public static Authentication toAuthentication(Caller caller) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(SCOPES, caller.scopes().stream().map(Scope::id).toList());
        if (caller.apiKeyId() != null) {
            attributes.put(API_KEY, caller.apiKeyId().toString());
        }
        List<String> roles = caller.roles().stream().map(Role::id).toList();
        return Authentication.build(caller.id().toString(), roles, attributes);
    }
}
