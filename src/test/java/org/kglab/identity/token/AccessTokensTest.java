package org.kglab.identity.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kglab.platform.StorageProperties;
import org.kglab.support.TestClock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kglab.identity.token.SigningKeysTest.newKey;
import static org.kglab.identity.token.SigningKeysTest.properties;

class AccessTokensTest {

    private static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

    @TempDir
    Path dataDir;

    private final TestClock clock = TestClock.startingAt(Instant.parse("2026-03-01T12:00:00Z"));
    private final UUID userId = UUID.randomUUID();
    private static final UUID SESSION = UUID.randomUUID();
    private SigningKeys keys;
    private AccessTokens tokens;

    @BeforeEach
    void setUp() {
        keys = new SigningKeys(properties(null), new StorageProperties(dataDir));
        tokens = new AccessTokens(keys, properties(null), clock);
    }

    @Test
    void verifiesWhatItIssuedToTheSameUserAndRoles() throws Exception {
        var issued = tokens.issue(userId, Set.of("user", "admin"), SESSION);

        var verified = tokens.verify(issued.value());

        assertThat(verified.userId()).isEqualTo(userId);
        assertThat(verified.roles()).containsExactlyInAnyOrder("admin", "user");
        assertThat(verified.expiresAt()).isEqualTo(issued.expiresAt()).isEqualTo(clock.instant().plusSeconds(900));
        var claims = SignedJWT.parse(issued.value()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(userId.toString());
        assertThat(claims.getIssuer()).isEqualTo("kglab");
        assertThat(claims.getAudience()).containsExactly("kglab-api");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(verified.tokenId()).isEqualTo(claims.getJWTID());
        assertThat(claims.getStringClaim("sid")).isEqualTo(SESSION.toString());
        assertThat(verified.sessionId()).isEqualTo(SESSION);
        // A random (version 4) UUID in its canonical form: unguessable, and unique to this token.
        assertThat(UUID.fromString(verified.tokenId()).version()).isEqualTo(4);
        assertThat(UUID.fromString(verified.tokenId()).toString()).isEqualTo(verified.tokenId());
    }

    @Test
    void headerNamesTheSigningKeyTheAlgorithmAndTheType() throws Exception {
        JWSHeader header = SignedJWT.parse(tokens.issue(userId, Set.of(), SESSION).value()).getHeader();

        assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(header.getKeyID()).isEqualTo(keys.signingKey().getKeyID());
        assertThat(header.getType()).isEqualTo(AT_JWT);
    }

    @Test
    void writesRolesAsASortedStringArrayAndEveryTokenWithItsOwnId() throws Exception {
        var first = SignedJWT.parse(tokens.issue(userId, Set.of("user", "admin", "editor"), SESSION).value());
        var second = SignedJWT.parse(tokens.issue(userId, Set.of("user"), SESSION).value());

        assertThat(first.getPayload().toString()).contains("\"roles\":[\"admin\",\"editor\",\"user\"]");
        assertThat(first.getJWTClaimsSet().getJWTID()).isNotEqualTo(second.getJWTClaimsSet().getJWTID());
    }

    @Test
    void leavesTheTokenOutOfItsStringForm() {
        var issued = tokens.issue(userId, Set.of("user"), SESSION);

        assertThat(issued.toString()).doesNotContain(issued.value()).contains(issued.expiresAt().toString());
    }

    @Test
    void acceptsATokenThatNamesNoRoles() throws Exception {
        String token = sign(validClaims().claim("roles", null).build());

        assertThat(tokens.verify(token).roles()).isEmpty();
    }

    @Test
    void rejectsAnUnsignedToken() {
        var plain = new PlainJWT(new com.nimbusds.jose.PlainHeader.Builder().type(AT_JWT).build(),
                validClaims().build());

        assertInvalid(plain.serialize());
    }

    @Test
    void rejectsAnHmacSignatureMadeWithThePublicKeyBytes() throws Exception {
        byte[] secret = keys.signingKey().toECPublicKey().getEncoded();

        assertInvalid(macSigned(new MACSigner(secret)));
    }

    @Test
    void rejectsAnHmacSignatureMadeWithThePublishedJwk() throws Exception {
        String secret = keys.publicJwks().getKeys().getFirst().toJSONString();

        assertInvalid(macSigned(new MACSigner(secret)));
    }

    @Test
    void rejectsAnotherIssuer() throws Exception {
        assertInvalid(sign(validClaims().issuer("someone-else").build()));
    }

    @Test
    void rejectsAnotherAudience() throws Exception {
        assertInvalid(sign(validClaims().audience("another-api").build()));
    }

    @Test
    void rejectsATokenForSeveralAudiences() throws Exception {
        assertInvalid(sign(validClaims().audience(List.of("kglab-api", "another-api")).build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sub", "jti", "exp", "iat", "iss", "aud"})
    void rejectsATokenWithoutARequiredClaim(String claim) throws Exception {
        assertInvalid(sign(validClaims().claim(claim, null).build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "", "1-2-3-4-5", "00000000-0000-0000-0000-00000000000G"})
    void rejectsASubjectThatIsNotAUuid(String subject) throws Exception {
        assertInvalid(sign(validClaims().subject(subject).build()));
    }

    @Test
    void rejectsRolesThatAreNotAStringArray() throws Exception {
        assertInvalid(sign(validClaims().claim("roles", "admin").build()));
        assertInvalid(sign(validClaims().claim("roles", List.of(1, 2)).build()));
    }

    @Test
    void reportsATokenExpiredBeyondTheSkewAsExpired() {
        String token = tokens.issue(userId, Set.of("user"), SESSION).value();

        clock.advance(Duration.ofMinutes(15).plusSeconds(31));

        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOf(InvalidAccessToken.class)
                .hasMessage("The access token has expired.");
    }

    @Test
    void stopsAcceptingAnAlreadyVerifiedTokenOnceItExpires() {
        String token = tokens.issue(userId, Set.of("user"), SESSION).value();
        assertThat(tokens.verify(token).userId()).isEqualTo(userId);
        assertThat(tokens.verify(token).userId()).isEqualTo(userId);

        clock.advance(Duration.ofMinutes(15).plusSeconds(31));

        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOf(InvalidAccessToken.class)
                .hasMessage("The access token has expired.");
    }

    @Test
    void neverTakesATamperedCopyOfAVerifiedTokenForIt() {
        String token = tokens.issue(userId, Set.of("user"), SESSION).value();
        tokens.verify(token);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> tokens.verify(tampered)).isInstanceOf(InvalidAccessToken.class);
    }

    @Test
    void acceptsATokenExpiredWithinTheSkew() {
        String token = tokens.issue(userId, Set.of("user"), SESSION).value();

        clock.advance(Duration.ofMinutes(15).plusSeconds(29));

        assertThat(tokens.verify(token).userId()).isEqualTo(userId);
    }

    @Test
    void rejectsATokenIssuedInTheFuture() throws Exception {
        Instant later = clock.instant().plus(Duration.ofMinutes(5));

        assertInvalid(sign(validClaims().issueTime(Date.from(later))
                .expirationTime(Date.from(later.plus(Duration.ofMinutes(15)))).build()));
    }

    @Test
    void acceptsATokenIssuedWithinTheSkewAhead() throws Exception {
        Instant slightlyAhead = clock.instant().plusSeconds(20);

        String token = sign(validClaims().issueTime(Date.from(slightlyAhead)).build());

        assertThat(tokens.verify(token).userId()).isEqualTo(userId);
    }

    @Test
    void rejectsATokenSignedByAKeyNotInTheSet() throws Exception {
        assertInvalid(sign(validClaims().build(), newKey("unknown"), AT_JWT));
    }

    @Test
    void rejectsATokenSignedByAnotherKeyUnderOurKid() throws Exception {
        assertInvalid(sign(validClaims().build(), newKey(keys.signingKey().getKeyID()), AT_JWT));
    }

    @Test
    void rejectsATokenOfAnotherType() throws Exception {
        assertInvalid(sign(validClaims().build(), keys.signingKey(), JOSEObjectType.JWT));
        assertInvalid(sign(validClaims().build(), keys.signingKey(), null));
    }

    @Test
    void rejectsATokenWhosePayloadWasChanged() throws Exception {
        String[] parts = tokens.issue(userId, Set.of("user"), SESSION).value().split("\\.");
        String forged = validClaims().claim("roles", List.of("admin", "user")).build().toString();

        assertInvalid(parts[0] + "." + Base64URL.encode(forged) + "." + parts[2]);
    }

    @Test
    void rejectsAnOversizedTokenBeforeParsingIt() throws Exception {
        String signed = sign(validClaims().claim("padding", "x".repeat(AccessTokens.MAX_TOKEN_CHARS)).build());

        assertInvalid(signed);
        assertInvalid("x".repeat(AccessTokens.MAX_TOKEN_CHARS + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-token", "a.b.c", "a.b", "e30.e30.", "e30.e30.e30.e30.e30"})
    void rejectsWhatIsNotAJwt(String token) {
        assertInvalid(token);
    }

    @Test
    void verifiesATokenSignedByAnOlderKeyStillInTheSetAndSignsWithTheNewest() throws Exception {
        ECKey older = newKey("older");
        ECKey newest = newKey("newest");
        var before = tokensFor(new JWKSet(older));
        String oldToken = before.issue(userId, Set.of("user"), SESSION).value();

        var after = tokensFor(new JWKSet(List.of(newest, older)));

        assertThat(after.verify(oldToken).userId()).isEqualTo(userId);
        String newToken = after.issue(userId, Set.of("user"), SESSION).value();
        assertThat(SignedJWT.parse(newToken).getHeader().getKeyID()).isEqualTo("newest");
        assertInvalid(before, newToken);
    }

    @Test
    void neverQuotesTheTokenInItsMessage() {
        String token = tokens.issue(userId, Set.of("user"), SESSION).value();
        String tampered = token.substring(0, token.length() - 4) + "AAAA";

        assertThatThrownBy(() -> tokens.verify(tampered))
                .isInstanceOf(InvalidAccessToken.class)
                .hasMessage("The access token is not valid.");
    }

    private JWTClaimsSet.Builder validClaims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer("kglab")
                .audience("kglab-api")
                .subject(userId.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of("user"));
    }

    private String sign(JWTClaimsSet claims) throws Exception {
        return sign(claims, keys.signingKey(), AT_JWT);
    }

    private static String sign(JWTClaimsSet claims, ECKey key, @Nullable JOSEObjectType type) throws Exception {
        var header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(type).build();
        var jwt = new SignedJWT(header, claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private String macSigned(MACSigner signer) throws Exception {
        var header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.signingKey().getKeyID()).type(AT_JWT)
                .build();
        var jwt = new SignedJWT(header, validClaims().build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private AccessTokens tokensFor(JWKSet set) throws Exception {
        Path file = Files.writeString(Files.createTempFile(dataDir, "keys", ".json"), set.toString(false));
        return new AccessTokens(new SigningKeys(properties(file), new StorageProperties(dataDir)), properties(file),
                clock);
    }

    private void assertInvalid(String token) {
        assertInvalid(tokens, token);
    }

    private static void assertInvalid(AccessTokens verifier, String token) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(InvalidAccessToken.class)
                .hasMessage("The access token is not valid.");
    }
}
