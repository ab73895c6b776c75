package org.kglab.identity.account;

import com.jayway.jsonpath.DocumentContext;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kglab.support.Api;
import org.kglab.support.Eventually;
import org.kglab.support.IntegrationTest;
import org.kglab.support.Mailbox;

import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ending a sign-in ends its access tokens at once, not when they expire: after logout, refresh-token
 * reuse, a password reset or change, and disabling the account; and on every instance, which hears
 * of it through PostgreSQL.
 */
@MicronautTest(transactional = false)
class SignOutIT extends IntegrationTest {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    private final Mailbox mailbox = new Mailbox();

    @Override
    protected Map<String, String> extraProperties() {
        return mailbox.smtpProperties();
    }

    @BeforeEach
    void emptyMailbox() {
        mailbox.clear();
    }

    @AfterAll
    void stopMailServer() {
        mailbox.close();
    }

    @Test
    void logoutEndsThatSignInsAccessTokenAtOnceAndNoOther() {
        Api.Session elsewhere = signInAgain(owner);
        assertSignedIn(owner);

        api.anonymous().graphql("logout", Map.of("refreshToken", owner.refreshToken()));

        assertRefused(owner);
        assertSignedIn(elsewhere);
    }

    @Test
    void reusingASpentRefreshTokenEndsEveryAccessTokenOfThatSignIn() {
        DocumentContext refreshed = api.anonymous().graphql("refresh", Map.of("refreshToken", owner.refreshToken()));
        Api.Session next = owner.withToken(refreshed.read("$.data.refreshToken.accessToken"));
        assertSignedIn(next);

        api.anonymous().graphql("refresh", Map.of("refreshToken", owner.refreshToken()));

        assertRefused(owner);
        assertRefused(next);
    }

    @Test
    void aPasswordResetEndsEverySignIn() {
        Api.Session elsewhere = signInAgain(owner);
        api.anonymous().graphql("requestPasswordReset", Map.of("email", owner.email()));
        String token = mailbox.awaitToken(owner.email(), "kglp_").token();

        DocumentContext reset = api.anonymous().graphql("resetPassword",
                Map.of("token", token, "newPassword", NEW_PASSWORD));

        assertThat(reset.<Boolean>read("$.data.resetPassword")).isTrue();
        assertRefused(owner);
        assertRefused(elsewhere);
    }

    @Test
    void aPasswordChangeEndsEarlierSignInsButNotTheOneItReturns() {
        Api.Session elsewhere = signInAgain(owner);

        DocumentContext changed = api.actAs(owner).graphql("changePassword",
                Map.of("currentPassword", owner.password(), "newPassword", NEW_PASSWORD));

        assertRefused(owner);
        assertRefused(elsewhere);
        assertSignedIn(owner.withToken(changed.read("$.data.changePassword.accessToken")));
    }

    @Test
    void disablingAnAccountEndsItsSignIns() {
        Api.Session admin = api.signUp("admin@example.org");
        stores.sql("UPDATE users SET role = 'admin' WHERE id = '" + admin.userId() + "'");
        admin = signInAgain(admin);

        DocumentContext disabled = api.actAs(admin).graphql("setUserDisabled",
                Map.of("id", owner.userId().toString(), "disabled", true));
        assertThat(disabled.<Boolean>read("$.data.setUserDisabled.disabled")).isTrue();
        assertRefused(owner);

        // Enabling the account again does not bring back sign-ins that were ended.
        api.actAs(admin).graphql("setUserDisabled", Map.of("id", owner.userId().toString(), "disabled", false));
        assertRefused(owner);
    }

    @Test
    void aSignInEndedThroughTheDatabaseIsRefusedWithinMoments() throws ParseException {
        assertSignedIn(owner);
        String sid = SignedJWT.parse(owner.accessToken()).getJWTClaimsSet().getStringClaim("sid");

        // As another instance would: a row written on another connection, announced by its trigger.
        stores.sql("INSERT INTO revoked_sessions (session_id, revoked_at, expires_at) VALUES ('" + sid
                + "', now(), now() + interval '20 minutes')");

        Eventually.await("the ended sign-in's access token to be refused", Duration.ofSeconds(5),
                () -> refused(me(owner)));
        assertRefused(owner);
    }

    private Api.Session signInAgain(Api.Session session) {
        DocumentContext login = api.anonymous().graphql("login",
                Map.of("email", session.email(), "password", session.password()));
        return new Api.Session(session.userId(), session.email(), session.password(),
                login.read("$.data.login.accessToken"), login.read("$.data.login.refreshToken"));
    }

    private DocumentContext me(Api.Session session) {
        return api.actAs(session).graphql("me", Map.of());
    }

    private void assertSignedIn(Api.Session session) {
        assertThat(me(session).<String>read("$.data.me.id")).isEqualTo(session.userId().toString());
    }

    private void assertRefused(Api.Session session) {
        DocumentContext reply = me(session);
        assertThat(refused(reply)).as(reply.jsonString()).isTrue();
        assertThat(reply.<String>read("$.errors[0].extensions.classification")).isEqualTo("UNAUTHENTICATED");
    }

    private static boolean refused(DocumentContext reply) {
        return reply.read("$.data") == null && reply.<java.util.List<String>>read("$.errors[*].extensions.classification")
                .contains("UNAUTHENTICATED");
    }
}
