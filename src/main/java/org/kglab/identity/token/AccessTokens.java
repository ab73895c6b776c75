package org.kglab.identity.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Issues and verifies access tokens: ES256-signed JWTs of type {@code at+jwt} (RFC 9068) that name
 * the user and their roles. Verification accepts nothing but ES256 signatures by one of our keys, so
 * that {@code alg: none} and HMAC-with-the-public-key forgeries fail before any claim is read.
 */
@Singleton
public final class AccessTokens {

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);
    private static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
    private static final String ROLES = "roles";
    /** The sign-in (refresh-token family) the token was issued to; ending the sign-in ends the token. */
    private static final String SESSION = "sid";
    /** Ours are well under 1 KB; anything this large is refused before it costs a parse. */
    static final int MAX_TOKEN_CHARS = 8 * 1024;
    private static final int VERIFIED_CACHE_SIZE = 10_000;

    /** @param value the compact JWT, sent as {@code Authorization: Bearer …} */
    public record IssuedAccessToken(String value, Instant expiresAt) {

        /** Leaves the token out, so that logging this record does not leak a credential. */
        @Override
        public String toString() {
            return "IssuedAccessToken[expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * @param tokenId   the {@code jti}, unique per issued token
     * @param sessionId the {@code sid}: the sign-in it was issued to, absent from tokens of older versions
     */
    public record VerifiedAccessToken(UUID userId, Set<String> roles, Instant expiresAt, String tokenId,
                                      @Nullable UUID sessionId) {

        public VerifiedAccessToken {
            roles = Set.copyOf(roles);
        }
    }

    private final TokenProperties tokens;
    private final Clock clock;
    private final ECDSASigner signer;
    private final String keyId;
    private final DefaultJWTProcessor<SecurityContext> processor;
    /**
     * Tokens already verified, by their exact text (signature included), so that a client reusing
     * its token does not pay for an ES256 verification on every request. An entry is honoured only
     * until the token's own expiry.
     */
    private final Cache<String, VerifiedAccessToken> verified;

    AccessTokens(SigningKeys keys, TokenProperties tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        try {
            this.signer = new ECDSASigner(keys.signingKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("The token signing key cannot sign ES256", e);
        }
        this.keyId = keys.signingKey().getKeyID();
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys.verificationKeys()));
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TYPE));
        processor.setJWTClaimsSetVerifier(new ClaimsVerifier(tokens, clock));
        this.verified = Caffeine.newBuilder().maximumSize(VERIFIED_CACHE_SIZE)
                .expireAfterWrite(tokens.accessTokenTtl().plus(tokens.clockSkew())).build();
    }

    public IssuedAccessToken issue(UUID userId, Set<String> roles, UUID sessionId) {
        // JWT times are whole seconds; truncating keeps expiresAt equal to the exp claim.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(tokens.accessTokenTtl());
        var claims = new JWTClaimsSet.Builder()
                .issuer(tokens.issuer())
                .audience(tokens.audience())
                .subject(userId.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim(ROLES, List.copyOf(new TreeSet<>(roles)))
                .claim(SESSION, sessionId.toString())
                .build();
        var header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).type(TYPE).build();
        var jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign an access token", e);
        }
        return new IssuedAccessToken(jwt.serialize(), expiresAt);
    }

    /** @throws InvalidAccessToken when the token is not one of ours, is malformed, or has expired */
    public VerifiedAccessToken verify(String token) {
        if (token.length() > MAX_TOKEN_CHARS) {
            throw InvalidAccessToken.invalid();
        }
        VerifiedAccessToken cached = verified.getIfPresent(token);
        if (cached != null) {
            if (clock.instant().isBefore(cached.expiresAt().plus(tokens.clockSkew()))) {
                return cached;
            }
            verified.invalidate(token);
        }
        VerifiedAccessToken result = verifyFully(token);
        verified.put(token, result);
        return result;
    }

    private VerifiedAccessToken verifyFully(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ExpiredJWTException e) {
            throw InvalidAccessToken.expired();
        } catch (ParseException | BadJOSEException | JOSEException e) {
            // The reason helps whoever debugs a client; it is Nimbus' own wording and never quotes the token.
            LOG.debug("Access token refused: {}", e.getMessage());
            throw InvalidAccessToken.invalid();
        }
        return toVerified(claims);
    }

    private static VerifiedAccessToken toVerified(JWTClaimsSet claims) {
        try {
            String subject = claims.getSubject();
            UUID userId = UUID.fromString(subject);
            // UUID.fromString also takes forms such as "1-2-3-4-5"; only the form we issue is ours.
            if (!userId.toString().equals(subject)) {
                throw InvalidAccessToken.invalid();
            }
            @Nullable List<String> roles = claims.getStringListClaim(ROLES);
            if (roles != null && roles.contains(null)) {
                throw InvalidAccessToken.invalid();
            }
            @Nullable String session = claims.getStringClaim(SESSION);
            return new VerifiedAccessToken(userId, roles == null ? Set.of() : new TreeSet<>(roles),
                    claims.getExpirationTime().toInstant(), claims.getJWTID(),
                    session == null ? null : UUID.fromString(session));
        } catch (ParseException | IllegalArgumentException e) {
            throw InvalidAccessToken.invalid();
        }
    }

    /**
     * Nimbus' claim checks, with "now" taken from our clock, plus what Nimbus leaves out: a token
     * issued in the future (beyond the skew) was not issued by us, and ours name exactly one audience.
     */
    private static final class ClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {

        private final Clock clock;
        private final Duration skew;

        ClaimsVerifier(TokenProperties tokens, Clock clock) {
            super(tokens.audience(),
                    new JWTClaimsSet.Builder().issuer(tokens.issuer()).build(),
                    Set.of(JWTClaimNames.SUBJECT, JWTClaimNames.EXPIRATION_TIME, JWTClaimNames.ISSUED_AT,
                            JWTClaimNames.JWT_ID));
            this.clock = clock;
            this.skew = tokens.clockSkew();
            setMaxClockSkew(Math.toIntExact(skew.toSeconds()));
        }

        @Override
        protected Date currentTime() {
            return Date.from(clock.instant());
        }

        @Override
        public void verify(JWTClaimsSet claims, @Nullable SecurityContext context) throws BadJWTException {
            super.verify(claims, context);
            // Nimbus counts a required claim that is present as null as present.
            if (claims.getSubject() == null || claims.getJWTID() == null || claims.getExpirationTime() == null
                    || claims.getIssueTime() == null) {
                throw new BadJWTException("JWT has a required claim that is null or of the wrong type");
            }
            if (claims.getIssueTime().toInstant().isAfter(clock.instant().plus(skew))) {
                throw new BadJWTException("JWT issued in the future");
            }
            if (claims.getAudience().size() != 1) {
                throw new BadJWTException("JWT has more than one audience");
            }
        }
    }
}
