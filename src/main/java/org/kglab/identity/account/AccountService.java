package org.kglab.identity.account;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.kglab.audit.AuditAction;
import org.kglab.audit.AuditLog;
import org.kglab.audit.Origin;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.UserId;
import org.kglab.identity.admin.AdminBootstrap;
import org.kglab.identity.signin.SignInThrottle;
import org.kglab.identity.token.RefreshTokenRotation;
import org.kglab.identity.token.TokenPair;
import org.kglab.identity.user.Emails;
import org.kglab.identity.user.InvalidCredentialsFormat;
import org.kglab.identity.user.User;
import org.kglab.identity.user.Users;

import java.sql.Connection;

/**
 * What people do to their own account besides signing in: verify their address, and change or
 * reset their password. A new password ends every sign-in the account had (all refresh tokens).
 */
@Singleton
public class AccountService {

    private final Users users;
    private final Passwords passwords;
    private final EmailVerification verification;
    private final OneTimeTokens tokens;
    private final AccountMail mail;
    private final AccountMailProperties mailProperties;
    private final RefreshTokenRotation refreshTokens;
    private final IdentityService identity;
    private final AdminBootstrap adminBootstrap;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final TransactionOperations<Connection> transactions;

    AccountService(Users users, Passwords passwords, EmailVerification verification, OneTimeTokens tokens,
                   AccountMail mail, AccountMailProperties mailProperties, RefreshTokenRotation refreshTokens,
                   IdentityService identity, AdminBootstrap adminBootstrap, SignInThrottle throttle, AuditLog audit,
                   TransactionOperations<Connection> transactions) {
        this.users = users;
        this.passwords = passwords;
        this.verification = verification;
        this.tokens = tokens;
        this.mail = mail;
        this.mailProperties = mailProperties;
        this.refreshTokens = refreshTokens;
        this.identity = identity;
        this.adminBootstrap = adminBootstrap;
        this.throttle = throttle;
        this.audit = audit;
        this.transactions = transactions;
    }

    public User verifyEmail(Origin origin, String token) {
        throttle.admitClient(origin.address());
        User user = transactions.executeWrite(status -> {
            User verified = verification.verify(token);
            audit.record(AuditAction.EMAIL_VERIFIED, verified.id(), verified.id().toString(), origin, null);
            return verified;
        });
        return adminBootstrap.promoteIfConfigured(user, origin);
    }

    /** Mails a new verification link to the caller, unless their address is verified already. */
    public void resendVerification(Caller caller, Origin origin) {
        caller.requireSignedIn();
        User user = identity.user(caller);
        throttle.admitAccountMail(user.email());
        if (!user.emailVerified()) {
            verification.mailLink(user);
        }
    }

    /**
     * Always answers the same, at once: whether the account exists is decided, and the mail sent,
     * in the background. Requests are limited per client and per address.
     */
    public void requestPasswordReset(Origin origin, String email) {
        throttle.admitClient(origin.address());
        String normalised;
        try {
            normalised = Emails.normalise(email);
        } catch (InvalidCredentialsFormat e) {
            return;
        }
        throttle.admitAccountMail(normalised);
        mail.sendLater(() -> users.findByEmail(normalised).filter(user -> !user.disabled()).map(user -> {
            audit.record(AuditAction.PASSWORD_RESET_REQUESTED, user.id(), user.id().toString(), origin, null);
            return mail.passwordReset(user.email(),
                    tokens.issue(user.userId(), AccountTokenPurpose.RESET_PASSWORD, mailProperties.passwordResetTtl()));
        }));
    }

    /** Sets a new password with a mailed reset token; the token also proves the address. */
    public void resetPassword(Origin origin, String token, String newPassword) {
        throttle.admitClient(origin.address());
        String hash = passwords.hash(newPassword);
        transactions.executeWrite(status -> {
            UserId user = tokens.redeem(token, AccountTokenPurpose.RESET_PASSWORD,
                    () -> new InvalidAccountToken("password reset"));
            tokens.spendAll(user, AccountTokenPurpose.RESET_PASSWORD);
            users.updatePassword(user.value(), hash);
            users.markEmailVerified(user.value());
            refreshTokens.revokeAllOf(user);
            audit.record(AuditAction.PASSWORD_RESET, user.value(), user.toString(), origin, null);
            return null;
        });
    }

    /** @return a fresh sign-in, since every earlier one (this one included) has just been ended */
    public TokenPair changePassword(Caller caller, Origin origin, String currentPassword, String newPassword) {
        caller.requireSignedIn();
        throttle.admitClient(origin.address());
        User user = identity.user(caller);
        throttle.checkLogin(user.email(), origin.address());
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            throttle.recordFailure(user.email(), origin.address());
            throw new InvalidCredentials("The current password is not correct.");
        }
        String hash = passwords.hash(newPassword);
        transactions.executeWrite(status -> {
            users.updatePassword(user.id(), hash);
            tokens.spendAll(user.userId(), AccountTokenPurpose.RESET_PASSWORD);
            refreshTokens.revokeAllOf(user.userId());
            audit.record(AuditAction.PASSWORD_CHANGED, user.id(), user.id().toString(), origin, null);
            return null;
        });
        return identity.pairFor(user);
    }
}
