package org.kglab.identity;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Accounts and sign-in: register, log in, refresh, log out, and turning a token into a {@link Caller}. */
@Singleton
public class IdentityService {

    private final Users users;
    private final Passwords passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokenRotation refreshTokens;
    private final SigningKeys signingKeys;
    private final SignInThrottle throttle;
    private final Clock clock;

    IdentityService(Users users, Passwords passwords, AccessTokens accessTokens, RefreshTokenRotation refreshTokens,
                    SigningKeys signingKeys, SignInThrottle throttle, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.signingKeys = signingKeys;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** Sign-in calls are limited per client address; {@code client} is that address. */
    public User register(String client, String email, String password) {
        throttle.admitClient(client);
        String normalised = Emails.normalise(email);
        String hash = passwords.hash(password);
        UUID id = UUID.randomUUID();
        if (users.insertIfAbsent(id, normalised, hash, Role.USER.id(),
                clock.instant().truncatedTo(ChronoUnit.MICROS)) == 0) {
            throw new EmailTaken();
        }
        return users.findById(id).orElseThrow();
    }

    /**
     * Every failure, whatever its cause, costs one password hash and gives the same answer; repeated
     * failures lock the address for a while, whether or not it has an account.
     */
    public TokenPair login(String client, String email, String password) {
        throttle.admitClient(client);
        String key = email.strip().toLowerCase(java.util.Locale.ROOT);
        throttle.checkNotLocked(key);
        User user;
        try {
            user = users.findByEmail(Emails.normalise(email)).orElse(null);
        } catch (InvalidCredentialsFormat e) {
            user = null;
        }
        boolean matches = passwords.matches(password, user == null ? null : user.passwordHash());
        if (user == null || !matches || user.disabled()) {
            throttle.recordFailure(key);
            throw new InvalidCredentials();
        }
        return pairFor(user, refreshTokens.start(user.userId()));
    }

    public TokenPair refresh(String client, String refreshToken) {
        throttle.admitClient(client);
        RefreshTokenRotation.Rotated rotated = refreshTokens.rotate(refreshToken);
        User user = users.findById(rotated.user().value()).filter(u -> !u.disabled())
                .orElseThrow(InvalidRefreshToken::new);
        return pairFor(user, rotated.refreshToken());
    }

    public void logout(String client, String refreshToken) {
        throttle.admitClient(client);
        refreshTokens.revokeFamilyOf(refreshToken);
    }

    public User user(Caller caller) {
        return users.findById(caller.id().value()).orElseThrow(InvalidCredentials::new);
    }

    /** @throws InvalidAccessToken when the token is not one of ours, or has expired */
    public Caller authenticate(String accessToken) {
        AccessTokens.VerifiedAccessToken verified = accessTokens.verify(accessToken);
        return new Caller(new UserId(verified.userId()), Role.known(verified.roles()));
    }

    /** The public half of every key that may have signed a valid access token, as a JWK Set. */
    public Map<String, Object> publicSigningKeys() {
        return signingKeys.publicJwks().toJSONObject();
    }

    /** A fresh access token and the given refresh token, for a user who has just proved who they are. */
    TokenPair pairFor(User user, String refreshToken) {
        Set<String> roles = user.roleSet().stream().map(Role::id).collect(Collectors.toSet());
        AccessTokens.IssuedAccessToken access = accessTokens.issue(user.id(), roles);
        long expiresIn = Duration.between(clock.instant(), access.expiresAt()).toSeconds();
        return new TokenPair(access.value(), refreshToken, expiresIn);
    }
}
