package org.kglab.identity.admin;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.audit.AuditAction;
import org.kglab.audit.AuditEntry;
import org.kglab.audit.AuditLog;
import org.kglab.audit.Origin;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.NotPermitted;
import org.kglab.identity.access.Role;
import org.kglab.identity.access.UserId;
import org.kglab.identity.token.RefreshTokenRotation;
import org.kglab.identity.user.DisabledAccounts;
import org.kglab.identity.user.InvalidInput;
import org.kglab.identity.user.User;
import org.kglab.identity.user.Users;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;

/**
 * What administrators do: see the accounts, disable them, change roles, and read the audit trail.
 * Every method checks the caller first; API keys never carry the admin role.
 */
@Singleton
public class Administration {

    public static final int MAX_PAGE = 100;

    private final Users users;
    private final RefreshTokenRotation refreshTokens;
    private final DisabledAccounts disabled;
    private final AuditLog audit;
    private final TransactionOperations<Connection> transactions;

    Administration(Users users, RefreshTokenRotation refreshTokens, DisabledAccounts disabled, AuditLog audit,
                   TransactionOperations<Connection> transactions) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.disabled = disabled;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * Accounts in email order after {@code afterEmail}: up to {@code first} (1..100) plus one, so
     * that the caller can tell whether there is another page.
     */
    public List<User> users(Caller caller, @Nullable String afterEmail, int first) {
        caller.requireAdmin();
        return users.pageByEmail(afterEmail == null ? "" : afterEmail, checkedLimit(first) + 1);
    }

    /** Disabling also ends every sign-in of the account and stops its access tokens and API keys at once. */
    public User setDisabled(Caller caller, Origin origin, UserId target, boolean isDisabled) {
        caller.requireAdmin();
        if (isDisabled && target.equals(caller.id())) {
            throw new NotPermitted("You cannot disable your own account.");
        }
        User user = transactions.executeWrite(status -> {
            User found = users.findById(target.value()).orElseThrow(() -> new UserNotFound(target.toString()));
            users.updateDisabled(found.id(), isDisabled);
            if (isDisabled) {
                refreshTokens.revokeAllOf(target);
            }
            audit.record(isDisabled ? AuditAction.USER_DISABLED : AuditAction.USER_ENABLED, caller.id().value(),
                    target.toString(), origin, null);
            return users.findById(found.id()).orElseThrow();
        });
        disabled.set(target, isDisabled);
        return user;
    }

    /** Takes effect at the user's next sign-in or refresh (at most one access-token lifetime). */
    public User setRole(Caller caller, Origin origin, UserId target, Role role) {
        caller.requireAdmin();
        if (target.equals(caller.id()) && role != Role.ADMIN) {
            throw new NotPermitted("You cannot remove your own administrator role; ask another administrator.");
        }
        return transactions.executeWrite(status -> {
            User found = users.findById(target.value()).orElseThrow(() -> new UserNotFound(target.toString()));
            users.updateRole(found.id(), role.id());
            audit.record(AuditAction.ROLE_CHANGED, caller.id().value(), target.toString(), origin,
                    found.role() + " -> " + role.id());
            return users.findById(found.id()).orElseThrow();
        });
    }

    /** Newest first, older than {@code beforeId}: up to {@code first} (1..100) plus one, as for {@link #users}. */
    public List<AuditEntry> auditLog(Caller caller, @Nullable Long beforeId, @Nullable AuditAction action, int first) {
        caller.requireAdmin();
        return audit.page(beforeId, action, checkedLimit(first) + 1);
    }

    public static UserId parseUserId(String id) {
        try {
            return new UserId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new UserNotFound(id.length() > 64 ? id.substring(0, 64) + "…" : id);
        }
    }

    private static int checkedLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInput("'first' must be between 1 and " + MAX_PAGE + ", got " + limit + ".");
        }
        return limit;
    }
}
