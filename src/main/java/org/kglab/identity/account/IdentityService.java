package org.kglab.identity.account;

import jakarta.inject.Singleton;
import org.kglab.audit.AuditAction;
import org.kglab.audit.AuditLog;
import org.kglab.audit.Origin;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Role;
import org.kglab.identity.access.UserId;
import org.kglab.identity.signin.SignInThrottle;
import org.kglab.identity.token.AccessTokens;
import org.kglab.identity.token.InvalidAccessToken;
import org.kglab.identity.token.InvalidRefreshToken;
import org.kglab.identity.token.RefreshTokenRotation;
import org.kglab.identity.token.SessionRevocations;
import org.kglab.identity.token.SigningKeys;
import org.kglab.identity.token.TokenPair;
import org.kglab.identity.user.DisabledAccounts;
import org.kglab.identity.user.Emails;
import org.kglab.identity.user.InvalidCredentialsFormat;
import org.kglab.identity.user.User;
import org.kglab.identity.user.Users;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Accounts and sign-in: register, log in, refresh, log out, and turning a token into a {@link Caller}. */
@Singleton
public class IdentityService {

    private final Users users;
    private final Passwords passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokenRotation refreshTokens;
    private final SigningKeys signingKeys;
    private final SignInThrottle throttle;
    private final DisabledAccounts disabled;
    private final SessionRevocations revocations;
    private final EmailVerification verification;
    private final AuditLog audit;
    private final Clock clock;

    IdentityService(Users users, Passwords passwords, AccessTokens accessTokens, RefreshTokenRotation refreshTokens,
                    SigningKeys signingKeys, SignInThrottle throttle, DisabledAccounts disabled,
                    SessionRevocations revocations, EmailVerification verification, AuditLog audit, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.signingKeys = signingKeys;
        this.throttle = throttle;
        this.disabled = disabled;
        this.revocations = revocations;
        this.verification = verification;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates the account and mails a verification link, unless the address has an account already:
     * then its owner is mailed that someone tried to register it. Either way the work is the same (a
     * password hash, one insert attempt, one audit entry, one mail sent in the background) and so is
     * the answer, so that registering tells nobody which addresses have accounts. Limited per client
     * address. An address is created once, so only the mail to an existing owner can be repeated: it
     * counts against the mailbox's limit on account mail, and past it is left out, without a sign.
     */
    public Registration register(Origin origin, String email, String password) {
        throttle.admitClient(origin.address());
        String normalised = Emails.normalise(email);
        String hash = passwords.hash(password);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (users.insertIfAbsent(id, normalised, hash, Role.USER.id(), now) == 1) {
            audit.record(AuditAction.ACCOUNT_REGISTERED, id, id.toString(), origin, null);
            verification.mailLink(new User(id, normalised, hash, Role.USER.id(), false, false, now));
        } else {
            audit.record(AuditAction.REGISTRATION_OF_EXISTING_ADDRESS, null, normalised, origin, null);
            if (throttle.allowsAccountMail(normalised)) {
                verification.mailRegistrationAttempt(normalised);
            }
        }
        return new Registration(normalised);
    }

    /**
     * Every failure, whatever its cause, costs one password hash and gives the same answer. Repeated
     * failures lock this client out of the address for a while, whether or not it has an account, and
     * slow down guessing at it from clients that failed before; a client that has not failed is let through.
     */
    public TokenPair login(Origin origin, String email, String password) {
        throttle.admitClient(origin.address());
        String key = Emails.key(email);
        throttle.checkLogin(key, origin.address());
        User user = findByEmail(email).orElse(null);
        boolean matches = passwords.matches(password, user == null ? null : user.passwordHash());
        if (user == null || !matches || user.disabled()) {
            throttle.recordFailure(key, origin.address());
            // A malformed address may be a password typed into the wrong field: never record it.
            audit.record(AuditAction.LOGIN_FAILED, user == null ? null : user.id(),
                    wellFormed(email) ? key : "(not an email address)", origin,
                    user == null ? "no such account" : matches ? "account disabled" : "wrong password");
            throw new InvalidCredentials();
        }
        audit.record(AuditAction.LOGIN_SUCCEEDED, user.id(), user.id().toString(), origin, null);
        return pairFor(user);
    }

    public TokenPair refresh(Origin origin, String refreshToken) {
        throttle.admitClient(origin.address());
        RefreshTokenRotation.Rotated rotated = refreshTokens.rotate(refreshToken, origin);
        User user = users.findById(rotated.user().value()).filter(u -> !u.disabled())
                .orElseThrow(InvalidRefreshToken::new);
        return TokenPairs.of(accessTokens, clock, user, rotated.refreshToken());
    }

    public void logout(Origin origin, String refreshToken) {
        throttle.admitClient(origin.address());
        refreshTokens.revokeFamilyOf(refreshToken);
    }

    public User user(Caller caller) {
        return users.findById(caller.id().value()).orElseThrow(InvalidCredentials::new);
    }

    /**
     * The caller's account as their credentials let them use it: an API key, or a token issued before
     * the account's role changed, does not make its holder an administrator, so none is shown.
     */
    public User me(Caller caller) {
        User user = user(caller);
        return user.roleSet().contains(Role.ADMIN) && !caller.isAdmin() ? user.withRole(Role.USER) : user;
    }

    /**
     * Checked on every use, remembered verification or not: a token of a sign-in that has ended, or
     * of a disabled account, stops working at once.
     *
     * @throws InvalidAccessToken when the token is not one of ours, has expired, its sign-in has ended
     *                            (or it names none), or its account is disabled
     */
    public Caller authenticate(String accessToken) {
        AccessTokens.VerifiedAccessToken verified = accessTokens.verify(accessToken);
        UserId user = new UserId(verified.userId());
        if (verified.sessionId() == null || revocations.isRevoked(verified.sessionId()) || disabled.contains(user)) {
            throw InvalidAccessToken.invalid();
        }
        return new Caller(user, Role.known(verified.roles()));
    }

    /** The public half of every key that may have signed a valid access token, as a JWK Set. */
    public Map<String, Object> publicSigningKeys() {
        return signingKeys.publicJwks().toJSONObject();
    }

    /** A fresh sign-in: new access token, new refresh-token family. */
    public TokenPair pairFor(User user) {
        return TokenPairs.of(accessTokens, clock, user, refreshTokens.start(user.userId()));
    }

    private static boolean wellFormed(String email) {
        try {
            Emails.normalise(email);
            return true;
        } catch (InvalidCredentialsFormat e) {
            return false;
        }
    }

    private Optional<User> findByEmail(String email) {
        try {
            return users.findByEmail(Emails.normalise(email));
        } catch (InvalidCredentialsFormat e) {
            return Optional.empty();
        }
    }
}
