package org.kglab.identity.user;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.kglab.identity.access.AccountStanding;
import org.kglab.identity.access.UserId;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts that are disabled, held in memory so that every request can be checked without a
 * database round trip: an access token of a disabled account stops working at once, not when it
 * expires. Loaded at start and kept current by this instance's own changes.
 */
@Singleton
public final class DisabledAccounts implements ApplicationEventListener<ServerStartupEvent>, AccountStanding {

    private final Users users;
    private final Set<UUID> disabled = ConcurrentHashMap.newKeySet();

    DisabledAccounts(Users users) {
        this.users = users;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        disabled.addAll(users.findDisabledIds());
    }

    public boolean contains(UserId user) {
        return disabled.contains(user.value());
    }

    @Override
    public boolean disabled(UserId user) {
        return contains(user);
    }

    public void set(UserId user, boolean isDisabled) {
        if (isDisabled) {
            disabled.add(user.value());
        } else {
            disabled.remove(user.value());
        }
    }
}
