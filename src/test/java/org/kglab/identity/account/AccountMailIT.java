package org.kglab.identity.account;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kglab.identity.signin.SignInThrottle;
import org.kglab.support.Api;
import org.kglab.support.Eventually;
import org.kglab.support.IntegrationTest;
import org.kglab.support.Mailbox;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Verification and password mail, sent through a real SMTP server, and the tokens they carry. */
@MicronautTest(transactional = false)
class AccountMailIT extends IntegrationTest {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    private final Mailbox mailbox = new Mailbox();

    @Inject
    SignInThrottle throttle;

    @Override
    protected Map<String, String> extraProperties() {
        return mailbox.smtpProperties();
    }

    /** Each test starts with an empty mailbox, and with every address's hourly mail allowance unused. */
    @BeforeEach
    void emptyMailbox() {
        mailbox.clear();
        throttle.forgetAll();
    }

    @AfterAll
    void stopMailServer() {
        mailbox.close();
    }

    @Test
    void mailsAVerificationLinkOnRegistrationThatVerifiesTheAddressOnce() {
        register("ada@example.org");
        Mailbox.Received mail = mailbox.awaitToken("ada@example.org", "kglv_");
        assertThat(mail.from()).isEqualTo(Mailbox.FROM);
        assertThat(mail.subject()).contains("Confirm your email address");
        assertThat(mail.text()).contains("within 24 hours");

        DocumentContext verified = api.anonymous().graphql("verifyEmail", Map.of("token", mail.token()));
        assertThat(verified.<String>read("$.data.verifyEmail.email")).isEqualTo("ada@example.org");
        assertThat(verified.<Boolean>read("$.data.verifyEmail.emailVerified")).isTrue();

        DocumentContext again = api.anonymous().graphql("verifyEmail", Map.of("token", mail.token()));
        assertThat(again.<String>read("$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
        assertThat(again.<String>read("$.errors[0].message"))
                .isEqualTo("This verification link is invalid or has expired. Request a new one.");
    }

    @Test
    void theDefaultLinkOpensThePlaygroundWithTheMutationFilledIn() {
        register("grace@example.org");
        Mailbox.Received mail = mailbox.awaitToken("grace@example.org", "kglv_");
        String link = mail.text().lines().filter(line -> line.startsWith("http")).findFirst().orElseThrow();
        URI uri = URI.create(link);
        assertThat(uri.getPath()).isEqualTo("/graphiql");
        String query = URLDecoder.decode(uri.getRawQuery(), StandardCharsets.UTF_8);
        assertThat(query).contains("verifyEmail(token: $token)").contains("\"token\": \"" + mail.token() + "\"");
        assertThat(api.anonymous().get("/graphiql").status()).isEqualTo(200);
    }

    @Test
    void storesMailedTokensOnlyAsHashes() {
        register("hash@example.org");
        Mailbox.Received mail = mailbox.awaitToken("hash@example.org", "kglv_");
        assertThat(stores.count("SELECT count(*) FROM account_tokens WHERE token_hash = sha256(convert_to('"
                + mail.token() + "', 'UTF8'))")).isEqualTo(1);
        assertThat(stores.count("SELECT count(*) FROM account_tokens WHERE encode(token_hash, 'escape') LIKE '%"
                + mail.token().substring(5, 20) + "%'")).isZero();
    }

    @Test
    void refusesAnExpiredVerificationToken() {
        register("late@example.org");
        Mailbox.Received mail = mailbox.awaitToken("late@example.org", "kglv_");
        stores.sql("UPDATE account_tokens SET expires_at = now() - interval '1 second'");
        DocumentContext reply = api.anonymous().graphql("verifyEmail", Map.of("token", mail.token()));
        assertThat(reply.<String>read("$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
        assertThat(stores.count("SELECT count(*) FROM users WHERE email_verified")).isZero();
    }

    @Test
    void aResetLinkWorksForAnHourAndNoLonger() {
        Api.Session other = api.signUp("other@example.org");
        api.anonymous().graphql("requestPasswordReset", Map.of("email", owner.email()));
        api.anonymous().graphql("requestPasswordReset", Map.of("email", other.email()));
        String ownersToken = mailbox.awaitToken(owner.email(), "kglp_").token();
        String othersToken = mailbox.awaitToken(other.email(), "kglp_").token();

        clock.advance(Duration.ofMinutes(59));
        DocumentContext inTime = api.anonymous().graphql("resetPassword",
                Map.of("token", ownersToken, "newPassword", NEW_PASSWORD));
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        DocumentContext late = api.anonymous().graphql("resetPassword",
                Map.of("token", othersToken, "newPassword", NEW_PASSWORD));

        assertThat(inTime.<Boolean>read("$.data.resetPassword")).as(inTime.jsonString()).isTrue();
        assertThat(late.<String>read("$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
        assertThat(late.<String>read("$.errors[0].message"))
                .isEqualTo("This password reset link is invalid or has expired. Request a new one.");
        assertThat(login(other.email(), other.password()).<Object>read("$.errors")).isNull();
    }

    @Test
    void sendsAnAddressAtMostFiveVerificationOrResetMessagesAnHour() {
        Api.Session busy = api.signUp("busy@example.org");
        mailbox.awaitToken(busy.email(), "kglv_");
        for (int reset = 1; reset <= 3; reset++) {
            assertThat(api.anonymous().graphqlReply("requestPasswordReset", Map.of("email", busy.email()), true)
                    .status()).as("reset %d", reset).isEqualTo(200);
            mailbox.awaitToken(busy.email(), "kglp_");
        }
        for (int resend = 1; resend <= 2; resend++) {
            assertThat(api.actAs(busy).graphql("resendVerificationEmail", Map.of())
                    .<Boolean>read("$.data.resendVerificationEmail")).as("resend %d", resend).isTrue();
            mailbox.awaitToken(busy.email(), "kglv_");
        }

        Api.Reply sixth = api.anonymous().graphqlReply("requestPasswordReset", Map.of("email", busy.email()), true);
        Api.Reply seventh = api.actAs(busy).graphqlReply("resendVerificationEmail", Map.of(), true);

        for (Api.Reply refused : List.of(sixth, seventh)) {
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().<String>read("$.errors[0].extensions.classification")).isEqualTo("RATE_LIMITED");
            assertThat(Long.parseLong(refused.retryAfter())).isBetween(1L, 3600L);
        }
        assertThat(mailbox.messagesTo(busy.email())).hasSize(6);
        assertThat(api.anonymous().graphqlReply("requestPasswordReset", Map.of("email", "calm@example.org"), true)
                .status()).isEqualTo(200);
    }

    @Test
    void resendsAVerificationLinkOnRequest() {
        assertThat(api.graphql("resendVerificationEmail", Map.of()).<Boolean>read("$.data.resendVerificationEmail"))
                .isTrue();
        Mailbox.Received mail = mailbox.awaitToken(owner.email(), "kglv_");
        assertThat(api.anonymous().graphql("verifyEmail", Map.of("token", mail.token()))
                .<Boolean>read("$.data.verifyEmail.emailVerified")).isTrue();
    }

    @Test
    void resetsAPasswordWithTheMailedTokenAndEndsEverySignIn() {
        DocumentContext requested = api.anonymous().graphql("requestPasswordReset", Map.of("email", owner.email()));
        assertThat(requested.<Boolean>read("$.data.requestPasswordReset")).isTrue();
        Mailbox.Received mail = mailbox.awaitToken(owner.email(), "kglp_");
        assertThat(mail.subject()).contains("Reset your");

        DocumentContext reset = api.anonymous().graphql("resetPassword",
                Map.of("token", mail.token(), "newPassword", NEW_PASSWORD));
        assertThat(reset.<Boolean>read("$.data.resetPassword")).isTrue();

        assertThat(login(owner.email(), owner.password()).<String>read("$.errors[0].extensions.classification"))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(login(owner.email(), NEW_PASSWORD).<String>read("$.data.login.accessToken")).isNotBlank();
        assertThat(api.anonymous().graphql("refresh", Map.of("refreshToken", owner.refreshToken()))
                .<String>read("$.errors[0].extensions.classification")).isEqualTo("UNAUTHENTICATED");
        DocumentContext reused = api.anonymous().graphql("resetPassword",
                Map.of("token", mail.token(), "newPassword", "yet another passphrase"));
        assertThat(reused.<String>read("$.errors[0].message"))
                .isEqualTo("This password reset link is invalid or has expired. Request a new one.");
    }

    @Test
    void answersAResetRequestForAnUnknownAddressTheSameAndSendsNothing() {
        DocumentContext known = api.anonymous().graphql("requestPasswordReset", Map.of("email", owner.email()));
        DocumentContext unknown = api.anonymous().graphql("requestPasswordReset", Map.of("email", "nobody@example.org"));
        DocumentContext malformed = api.anonymous().graphql("requestPasswordReset", Map.of("email", "not an address"));
        assertThat(unknown.jsonString()).isEqualTo(known.jsonString());
        assertThat(malformed.jsonString()).isEqualTo(known.jsonString());
        mailbox.awaitToken(owner.email(), "kglp_");
        assertThat(mailbox.messagesTo("nobody@example.org")).isEmpty();
        assertThat(stores.count("SELECT count(*) FROM account_tokens WHERE purpose = 'RESET_PASSWORD'")).isEqualTo(1);
    }

    @Test
    void refusesAVerificationTokenAsAResetTokenAndAWeakNewPassword() {
        register("mixed@example.org");
        Mailbox.Received verification = mailbox.awaitToken("mixed@example.org", "kglv_");
        DocumentContext wrongPurpose = api.anonymous().graphql("resetPassword",
                Map.of("token", verification.token(), "newPassword", NEW_PASSWORD));
        assertThat(wrongPurpose.<String>read("$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");

        api.anonymous().graphql("requestPasswordReset", Map.of("email", "mixed@example.org"));
        Mailbox.Received reset = mailbox.awaitToken("mixed@example.org", "kglp_");
        DocumentContext weak = api.anonymous().graphql("resetPassword",
                Map.of("token", reset.token(), "newPassword", "short"));
        assertThat(weak.<String>read("$.errors[0].message")).startsWith("The password is too short");
        // A refused new password does not use the token up.
        assertThat(api.anonymous().graphql("resetPassword", Map.of("token", reset.token(), "newPassword", NEW_PASSWORD))
                .<Boolean>read("$.data.resetPassword")).isTrue();
    }

    @Test
    void changingThePasswordEndsEveryOtherSignInAndReturnsAFreshOne() {
        String otherSignIn = login(owner.email(), owner.password()).read("$.data.login.refreshToken");
        DocumentContext changed = api.actAs(owner).graphql("changePassword",
                Map.of("currentPassword", owner.password(), "newPassword", NEW_PASSWORD));
        String fresh = changed.read("$.data.changePassword.refreshToken");
        assertThat(fresh).isNotBlank();

        for (String revoked : new String[] {owner.refreshToken(), otherSignIn}) {
            assertThat(api.anonymous().graphql("refresh", Map.of("refreshToken", revoked))
                    .<String>read("$.errors[0].extensions.classification")).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(api.anonymous().graphql("refresh", Map.of("refreshToken", fresh))
                .<Object>read("$.errors")).isNull();
        assertThat(login(owner.email(), NEW_PASSWORD).<Object>read("$.errors")).isNull();
    }

    @Test
    void refusesAPasswordChangeWithTheWrongCurrentPassword() {
        DocumentContext reply = api.graphql("changePassword",
                Map.of("currentPassword", "not my password at all", "newPassword", NEW_PASSWORD));
        assertThat(reply.<String>read("$.errors[0].message")).isEqualTo("The current password is not correct.");
        assertThat(login(owner.email(), owner.password()).<Object>read("$.errors")).isNull();
    }

    @Test
    void recordsPasswordChangesAndResetsInTheAuditTrail() {
        api.graphql("changePassword", Map.of("currentPassword", owner.password(), "newPassword", NEW_PASSWORD));
        api.anonymous().graphql("requestPasswordReset", Map.of("email", owner.email()));
        Mailbox.Received mail = mailbox.awaitToken(owner.email(), "kglp_");
        api.anonymous().graphql("resetPassword", Map.of("token", mail.token(), "newPassword", "the third passphrase"));
        assertThat(stores.count("SELECT count(*) FROM audit_log WHERE action = 'PASSWORD_CHANGED' AND actor_id = '"
                + owner.userId() + "' AND ip = '127.0.0.1'")).isEqualTo(1);
        assertThat(stores.count("SELECT count(*) FROM audit_log WHERE action = 'PASSWORD_RESET_REQUESTED'")).isEqualTo(1);
        assertThat(stores.count("SELECT count(*) FROM audit_log WHERE action = 'PASSWORD_RESET' AND target = '"
                + owner.userId() + "'")).isEqualTo(1);
        assertThat(stores.count("SELECT count(*) FROM audit_log WHERE detail LIKE '%passphrase%'")).isZero();
    }

    private void register(String email) {
        DocumentContext reply = api.anonymous().graphql("register",
                Map.of("email", email, "password", "correct horse battery staple"));
        assertThat(reply.<Object>read("$.errors")).isNull();
    }

    @Test
    void tellsTheOwnerWhenSomeoneTriesToRegisterTheirAddress() {
        DocumentContext taken = api.anonymous().graphql("register",
                Map.of("email", "  OWNER@Example.org", "password", "someone else's passphrase"));

        Eventually.await("a mail to the owner", () -> attemptMail().isPresent());
        Mailbox.Received mail = attemptMail().orElseThrow();
        assertThat(mail.text()).contains("which already has one").doesNotContain("someone else's passphrase");
        assertThat(taken.<String>read("$.data.register.email")).isEqualTo(owner.email());
        assertThat(login(owner.email(), "someone else's passphrase").<String>read("$.errors[0].message"))
                .isEqualTo("Email or password is incorrect.");
        assertThat(stores.count("SELECT count(*) FROM audit_log WHERE action = 'REGISTRATION_OF_EXISTING_ADDRESS'"
                + " AND target = 'owner@example.org'")).isEqualTo(1);
    }

    private java.util.Optional<Mailbox.Received> attemptMail() {
        return mailbox.messagesTo(owner.email()).stream().map(message -> new Mailbox.Received(message, ""))
                .filter(mail -> mail.subject().startsWith("Someone tried to register your address")).findFirst();
    }

    private DocumentContext login(String email, String password) {
        return api.anonymous().graphql("login", Map.of("email", email, "password", password));
    }
}
