package org.kglab.identity.oidc;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.kglab.identity.access.Role;
import org.kglab.identity.token.RefreshTokenRotation;
import org.kglab.identity.user.Emails;
import org.kglab.identity.user.InvalidCredentialsFormat;
import org.kglab.identity.user.User;
import org.kglab.identity.user.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Finds or creates the account a provider sign-in belongs to. Only an address the provider has
 * verified counts. The provider's subject is looked up first, so that a person who changes their
 * address at the provider keeps their account; otherwise the account with that address is linked,
 * or a new one (without a password) is created.
 */
@Singleton
final class AccountLinking {

    private static final Logger LOG = LoggerFactory.getLogger(AccountLinking.class);

    private final Users users;
    private final ExternalIdentities identities;
    private final RefreshTokenRotation refreshTokens;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    AccountLinking(Users users, ExternalIdentities identities, RefreshTokenRotation refreshTokens,
                   TransactionOperations<Connection> transactions, Clock clock) {
        this.users = users;
        this.identities = identities;
        this.refreshTokens = refreshTokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @throws SignInRefused when the address is missing or unverified, or the account is disabled */
    User link(ExternalAccount account) {
        String email = verifiedEmail(account);
        return transactions.executeWrite(status -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var linked = identities.findByProviderAndSubject(account.provider(), account.subject());
            if (linked.isPresent()) {
                User user = users.findById(linked.get().userId()).orElseThrow();
                refuseIfDisabled(user);
                identities.touch(linked.get().id(), now);
                return user;
            }
            return linkByEmail(account, email, now);
        });
    }

    private User linkByEmail(ExternalAccount account, String email, Instant now) {
        users.insertVerifiedIfAbsent(UUID.randomUUID(), email, Role.USER.id(), now);
        User user = users.findByEmail(email).orElseThrow();
        refuseIfDisabled(user);
        if (!user.emailVerified()) {
            // Whoever registered this address never proved they own it, and the provider's user just
            // did. Their password and sign-ins end here, so that an account registered in someone
            // else's name in advance cannot be shared with its rightful owner.
            users.claimUnverified(user.id());
            refreshTokens.revokeAllOf(user.userId());
            LOG.info("Account {} claimed through provider {}: its email is now verified and its password removed",
                    user.id(), account.provider());
        }
        identities.insertIfAbsent(UUID.randomUUID(), account.provider(), account.subject(), user.id(), email, now);
        return users.findById(user.id()).orElseThrow();
    }

    private static void refuseIfDisabled(User user) {
        if (user.disabled()) {
            throw new SignInRefused(SignInRefused.Reason.ACCOUNT_DISABLED);
        }
    }

    private static String verifiedEmail(ExternalAccount account) {
        String email = account.email();
        if (email == null || email.isBlank()) {
            throw new SignInRefused(SignInRefused.Reason.EMAIL_MISSING);
        }
        if (!account.emailVerified()) {
            throw new SignInRefused(SignInRefused.Reason.EMAIL_NOT_VERIFIED);
        }
        try {
            return Emails.normalise(email);
        } catch (InvalidCredentialsFormat e) {
            throw new SignInRefused(SignInRefused.Reason.EMAIL_MISSING);
        }
    }
}
