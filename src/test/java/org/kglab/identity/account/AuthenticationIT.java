package org.kglab.identity.account;

import com.jayway.jsonpath.DocumentContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.kglab.support.Api;
import org.kglab.support.Fixtures;
import org.kglab.support.IntegrationTest;

import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AuthenticationIT extends IntegrationTest {

    private static final String PASSWORD = "a long enough passphrase";

    @Test
    void registersWithANormalisedEmailAndTheUserRole() {
        DocumentContext reply = api.anonymous().graphql("register",
                Map.of("email", "  Ada.Lovelace@Example.ORG ", "password", PASSWORD));
        assertThat(reply.<String>read("$.data.register.email")).isEqualTo("ada.lovelace@example.org");
        assertThat(reply.<String>read("$.data.register.message")).startsWith("Check your inbox");

        String token = api.anonymous().graphql("login", Map.of("email", "ADA.lovelace@example.org", "password", PASSWORD))
                .read("$.data.login.accessToken");
        DocumentContext me = api.actAs(owner.withToken(token)).graphqlText("{ me { email roles emailVerified } }", Map.of());
        assertThat(me.<String>read("$.data.me.email")).isEqualTo("ada.lovelace@example.org");
        assertThat(me.<List<String>>read("$.data.me.roles")).containsExactly("user");
        assertThat(me.<Boolean>read("$.data.me.emailVerified")).isFalse();
    }

    @Test
    void explainsWhichPasswordRuleIsBroken() {
        DocumentContext tooShort = api.anonymous().graphql("register",
                Map.of("email", "short@example.org", "password", "elevenchars"));
        DocumentContext tooLong = api.anonymous().graphql("register",
                Map.of("email", "long@example.org", "password", "x".repeat(129)));
        assertThat(tooShort.<String>read("$.errors[0].message"))
                .isEqualTo("The password is too short: 11 characters, at least 12 are needed.");
        assertThat(tooLong.<String>read("$.errors[0].message"))
                .isEqualTo("The password is too long: 129 characters, at most 128 are allowed.");
        assertThat(tooShort.<String>read("$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
        assertThat(stores.count("SELECT count(*) FROM users")).isEqualTo(1);
    }

    @Test
    void answersARegistrationOfATakenAddressExactlyLikeANewOne() {
        DocumentContext taken = api.anonymous().graphql("register",
                Map.of("email", "OWNER@example.org", "password", PASSWORD));
        DocumentContext fresh = api.anonymous().graphql("register",
                Map.of("email", "NEWCOMER@example.org", "password", PASSWORD));

        assertThat(taken.jsonString().replace("owner@", "newcomer@")).isEqualTo(fresh.jsonString());
        assertThat(taken.<Object>read("$.errors")).isNull();
        assertThat(stores.count("SELECT count(*) FROM users WHERE email = 'owner@example.org'")).isEqualTo(1);
        assertThat(api.anonymous().graphql("login", Map.of("email", owner.email(), "password", PASSWORD))
                .<String>read("$.errors[0].message")).isEqualTo("Email or password is incorrect.");
        assertThat(api.anonymous().graphql("login", Map.of("email", owner.email(), "password", owner.password()))
                .<Object>read("$.errors")).isNull();
    }

    @Test
    void answersAWrongPasswordAndAnUnknownAccountAlike() {
        DocumentContext wrongPassword = api.anonymous().graphql("login",
                Map.of("email", owner.email(), "password", "not the right password"));
        DocumentContext unknownAccount = api.anonymous().graphql("login",
                Map.of("email", "nobody@example.org", "password", owner.password()));
        DocumentContext malformedEmail = api.anonymous().graphql("login",
                Map.of("email", "not an email", "password", owner.password()));
        for (DocumentContext reply : List.of(wrongPassword, unknownAccount, malformedEmail)) {
            assertThat(reply.<String>read("$.errors[0].message")).isEqualTo("Email or password is incorrect.");
            assertThat(reply.<String>read("$.errors[0].extensions.classification")).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void issuesAnAccessTokenThatIdentifiesTheUser() throws Exception {
        DocumentContext me = api.graphql("me", Map.of());
        assertThat(me.<String>read("$.data.me.id")).isEqualTo(owner.userId().toString());
        assertThat(me.<String>read("$.data.me.email")).isEqualTo(owner.email());

        SignedJWT jwt = SignedJWT.parse(owner.accessToken());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(owner.userId().toString());
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().getTime() - jwt.getJWTClaimsSet().getIssueTime().getTime())
                .isEqualTo(15 * 60 * 1000L);
    }

    @Test
    void publishesTheVerificationKeysButNoPrivatePart() throws Exception {
        Api.Reply jwks = api.anonymous().get("/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        String kid = SignedJWT.parse(owner.accessToken()).getHeader().getKeyID();
        assertThat(jwks.json().<List<String>>read("$.keys[*].kid")).contains(kid);
        assertThat(jwks.body()).doesNotContain("\"d\"").contains("\"kty\":\"EC\"");
    }

    @Test
    void rotatesRefreshTokensSoThatEachWorksOnce() {
        DocumentContext first = api.anonymous().graphql("refresh", Map.of("refreshToken", owner.refreshToken()));
        String next = first.read("$.data.refreshToken.refreshToken");
        assertThat(next).isNotEqualTo(owner.refreshToken());
        assertThat(first.<Integer>read("$.data.refreshToken.expiresIn")).isBetween(890, 900);

        DocumentContext again = api.graphql("refresh", Map.of("refreshToken", next));
        assertThat(again.<Object>read("$.errors")).isNull();
    }

    @Test
    void revokesTheWholeSignInWhenASpentRefreshTokenIsReused() {
        String next = api.anonymous().graphql("refresh", Map.of("refreshToken", owner.refreshToken()))
                .read("$.data.refreshToken.refreshToken");

        DocumentContext replay = api.graphql("refresh", Map.of("refreshToken", owner.refreshToken()));
        DocumentContext successor = api.graphql("refresh", Map.of("refreshToken", next));

        assertThat(replay.<String>read("$.errors[0].extensions.classification")).isEqualTo("UNAUTHENTICATED");
        assertThat(successor.<String>read("$.errors[0].message")).contains("Sign in again");
        assertThat(stores.count("SELECT count(*) FROM refresh_tokens WHERE revoked_at IS NULL")).isZero();
        assertThat(stores.count("SELECT count(*) FROM audit_log WHERE action = 'REFRESH_TOKEN_REUSED' AND actor_id = '"
                + owner.userId() + "'")).isEqualTo(1);
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        assertThat(api.anonymous().graphql("logout", Map.of("refreshToken", owner.refreshToken()))
                .<Boolean>read("$.data.logout")).isTrue();
        DocumentContext reply = api.graphql("refresh", Map.of("refreshToken", owner.refreshToken()));
        assertThat(reply.<String>read("$.errors[0].extensions.classification")).isEqualTo("UNAUTHENTICATED");
        // Signing out is not theft: a token that was revoked, never used, is simply refused.
        assertThat(stores.count("SELECT count(*) FROM audit_log WHERE action = 'REFRESH_TOKEN_REUSED'")).isZero();
    }

    @Test
    void signInsAreIndependent() {
        String second = api.anonymous().graphql("login", Map.of("email", owner.email(), "password", owner.password()))
                .read("$.data.login.refreshToken");
        api.graphql("logout", Map.of("refreshToken", owner.refreshToken()));
        assertThat(api.graphql("refresh", Map.of("refreshToken", second)).<Object>read("$.errors")).isNull();
    }

    @Test
    void refusesAnUploadWithoutAToken() {
        Api.Reply reply = api.anonymous().upload("note.md", Fixtures.text("# no token"));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(stores.count("SELECT count(*) FROM documents")).isZero();
    }

    @Test
    void refusesAnUploadWithATokenThatIsNotOurs() {
        String forged = owner.accessToken().substring(0, owner.accessToken().lastIndexOf('.') + 1) + "AAAA";
        Api.Reply reply = api.anonymous().send(HttpRequest.POST("/graphql", Map.of("query", "{ me { id } }"))
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(forged));
        Api.Reply upload = api.actAs(new Api.Session(owner.userId(), owner.email(), owner.password(), forged,
                owner.refreshToken())).upload("note.md", Fixtures.text("# forged"));
        assertThat(reply.json().<String>read("$.errors[0].extensions.classification")).as(reply.body())
                .isEqualTo("UNAUTHENTICATED");
        assertThat(reply.json().<Object>read("$.data")).isNull();
        assertThat(upload.status()).isEqualTo(401);
        assertThat(stores.count("SELECT count(*) FROM documents")).isZero();
    }

    /** JWT libraries accept {@code alg: none} when no signing key is configured; ours must not, ever. */
    @Test
    void refusesAnUnsignedTokenThatNamesAUser() {
        String unsigned = new PlainJWT(new JWTClaimsSet.Builder().issuer("kglab").audience("kglab-api")
                .subject(owner.userId().toString()).claim("roles", List.of("user", "admin"))
                .expirationTime(new Date(System.currentTimeMillis() + 60_000)).build()).serialize();
        Api.Session forged = new Api.Session(owner.userId(), owner.email(), owner.password(), unsigned,
                owner.refreshToken());

        assertThat(api.actAs(forged).upload("note.md", Fixtures.text("# unsigned")).status()).isEqualTo(401);
        assertThat(api.graphql("me", Map.of()).<String>read("$.errors[0].extensions.classification"))
                .isEqualTo("UNAUTHENTICATED");
    }
}
