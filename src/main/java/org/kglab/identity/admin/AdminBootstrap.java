package org.kglab.identity.admin;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.kglab.audit.AuditAction;
import org.kglab.audit.AuditLog;
import org.kglab.audit.Origin;
import org.kglab.identity.access.Role;
import org.kglab.identity.user.Emails;
import org.kglab.identity.user.InvalidCredentialsFormat;
import org.kglab.identity.user.User;
import org.kglab.identity.user.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the account named by {@code KGLAB_ADMIN_EMAIL} an administrator: at start when it already
 * exists with a verified address, otherwise as soon as its address is verified. From then on,
 * administrators appoint each other.
 */
@Singleton
public final class AdminBootstrap implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Users users;
    private final AdminProperties properties;
    private final AuditLog audit;

    AdminBootstrap(Users users, AdminProperties properties, AuditLog audit) {
        this.users = users;
        this.properties = properties;
        this.audit = audit;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        String configured = configuredEmail();
        if (configured != null) {
            users.findByEmail(configured).ifPresentOrElse(user -> promoteIfConfigured(user, Origin.SERVICE),
                    () -> LOG.info("KGLAB_ADMIN_EMAIL is set; that account becomes an administrator once it is "
                            + "registered and its address verified."));
        }
    }

    /** @return the user as they are now, promoted if they are the configured, verified admin */
    public User promoteIfConfigured(User user, Origin origin) {
        if (!user.email().equals(configuredEmail()) || !user.emailVerified() || user.roleSet().contains(Role.ADMIN)) {
            return user;
        }
        users.updateRole(user.id(), Role.ADMIN.id());
        audit.record(AuditAction.ROLE_CHANGED, null, user.id().toString(), origin,
                "admin: granted from KGLAB_ADMIN_EMAIL");
        LOG.info("Account {} is now an administrator (KGLAB_ADMIN_EMAIL)", user.id());
        return users.findById(user.id()).orElseThrow();
    }

    private @org.jspecify.annotations.Nullable String configuredEmail() {
        String email = properties.adminEmail();
        if (email == null || email.isBlank()) {
            return null;
        }
        try {
            return Emails.normalise(email);
        } catch (InvalidCredentialsFormat e) {
            throw new IllegalStateException("KGLAB_ADMIN_EMAIL is not an email address: " + e.getMessage(), e);
        }
    }
}
