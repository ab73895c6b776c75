package org.kglab.identity.access;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallersTest {

    private final UserId user = UserId.random();

    @Test
    void aSignedInUserHoldsEveryScopeAndKeepsTheirRoles() {
        Caller caller = roundTrip(new Caller(user, Set.of(Role.USER, Role.ADMIN)));
        assertThat(caller.scopes()).containsExactlyInAnyOrder(Scope.values());
        assertThat(caller.isAdmin()).isTrue();
        assertThat(caller.viaApiKey()).isFalse();
    }

    @Test
    void anApiKeyCallerKeepsOnlyItsScopesAndItsKey() {
        UUID key = UUID.randomUUID();
        Caller caller = roundTrip(new Caller(user, Set.of(Role.USER), EnumSet.of(Scope.READ), key));
        assertThat(caller.scopes()).containsExactly(Scope.READ);
        assertThat(caller.apiKeyId()).isEqualTo(key);
        assertThat(caller.id()).isEqualTo(user);
    }

    @Test
    void refusesWhatTheCredentialsDoNotCarry() {
        Caller key = new Caller(user, Set.of(Role.USER), EnumSet.of(Scope.READ), UUID.randomUUID());
        assertThatThrownBy(() -> key.require(Scope.INGEST)).isInstanceOf(NotPermitted.class)
                .hasMessage("This API key does not have the 'ingest' scope.");
        assertThatThrownBy(key::requireSignedIn).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(new Caller(user, Set.of(Role.USER))::requireAdmin).isInstanceOf(NotPermitted.class)
                .hasMessage("Only administrators may do this.");
        key.require(Scope.READ);
    }

    private static Caller roundTrip(Caller caller) {
        return Callers.fromAuthentication(Callers.toAuthentication(caller));
    }
}
