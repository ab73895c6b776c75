package org.kglab.identity.oidc;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.jayway.jsonpath.DocumentContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kglab.identity.oidc.FakeProviders.Flaw;
import org.kglab.identity.oidc.FakeProviders.Person;
import org.kglab.support.Api;
import org.kglab.support.Fixtures;
import org.kglab.support.IntegrationTest;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in through providers, end to end: a real local OpenID Connect issuer and a fake GitHub
 * ({@link FakeProviders}), the service's real OAuth routes, and a cookie-keeping {@link Browser}
 * that follows each redirect by hand.
 */
@MicronautTest(transactional = false)
class OidcLoginIT extends IntegrationTest {

    private static final String COMPLETION = "https://app.example.org/signed-in";

    private final FakeProviders provider = FakeProviders.start();

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        var properties = new HashMap<>(provider.clientProperties());
        properties.put("kglab.auth.oidc.completion-url", COMPLETION);
        return properties;
    }

    @BeforeEach
    void forgetEarlierSignIns() {
        provider.reset();
    }

    @AfterAll
    void stopProvider() {
        provider.close();
    }

    @Test
    void createsAnAccountFromAVerifiedEmail() {
        provider.nextPerson(new Person("new-1", " New.Person@Example.org", true));

        Map<String, String> outcome = signIn(new Browser(), "oidc");

        assertThat(outcome).containsOnlyKeys("code");
        DocumentContext me = me(completeSignIn(outcome.get("code")).read("$.data.completeSignIn.accessToken"));
        assertThat(me.<String>read("$.data.me.email")).isEqualTo("new.person@example.org");
        assertThat(stores.count("SELECT count(*) FROM users WHERE email = 'new.person@example.org' "
                + "AND email_verified AND password_hash IS NULL")).isEqualTo(1);
        assertThat(stores.count("SELECT count(*) FROM external_identities WHERE provider = 'oidc' "
                + "AND subject = 'new-1'")).isEqualTo(1);
    }

    @Test
    void signsIntoTheExistingAccountWithTheSameEmail() {
        provider.nextPerson(new Person("owner-at-provider", "OWNER@example.org", true));

        String accessToken = completeSignIn(signIn(new Browser(), "oidc").get("code"))
                .read("$.data.completeSignIn.accessToken");

        assertThat(me(accessToken).<String>read("$.data.me.id")).isEqualTo(owner.userId().toString());
        assertThat(stores.count("SELECT count(*) FROM users")).isEqualTo(1);
    }

    @Test
    void findsTheLinkedAccountBySubjectAfterTheAddressChangesAtTheProvider() {
        provider.nextPerson(new Person("owner-at-provider", owner.email(), true));
        signIn(new Browser(), "oidc");
        provider.nextPerson(new Person("owner-at-provider", "renamed@example.org", true));

        String accessToken = completeSignIn(signIn(new Browser(), "oidc").get("code"))
                .read("$.data.completeSignIn.accessToken");

        assertThat(me(accessToken).<String>read("$.data.me.id")).isEqualTo(owner.userId().toString());
        assertThat(stores.count("SELECT count(*) FROM users")).isEqualTo(1);
    }

    @Test
    void refusesAnUnverifiedOrUnconfirmedEmailAndCreatesNoAccount() {
        for (Object verified : new Object[] {false, null, "no"}) {
            provider.nextPerson(new Person("unverified", "unverified@example.org", verified));
            assertThat(signIn(new Browser(), "oidc")).as("email_verified " + verified)
                    .containsExactly(Map.entry("error", "email_not_verified"));
        }
        provider.nextPerson(new Person("no-email", null, true));
        assertThat(signIn(new Browser(), "oidc")).containsExactly(Map.entry("error", "email_missing"));

        assertThat(stores.count("SELECT count(*) FROM users")).isEqualTo(1);
        assertThat(stores.count("SELECT count(*) FROM external_identities")).isZero();
        assertThat(stores.count("SELECT count(*) FROM account_tokens WHERE purpose = 'SIGN_IN'")).isZero();
    }

    @Test
    void refusesADisabledAccount() {
        stores.sql("UPDATE users SET disabled = true WHERE email = 'owner@example.org'");
        provider.nextPerson(new Person("owner-at-provider", owner.email(), true));

        assertThat(signIn(new Browser(), "oidc")).containsExactly(Map.entry("error", "account_disabled"));
        assertThat(stores.count("SELECT count(*) FROM external_identities")).isZero();
    }

    @Test
    void sendsAnS256ChallengeThatTheProviderChecksAgainstTheVerifier() {
        provider.nextPerson(new Person("pkce", "pkce@example.org", true));
        assertThat(signIn(new Browser(), "oidc")).containsKey("code");
        Map<String, String> authorization = provider.authorizations.getLast();
        assertThat(authorization).containsEntry("code_challenge_method", "S256").containsEntry("response_type", "code")
                .containsKeys("code_challenge", "state", "nonce");

        Browser withoutVerifier = new Browser();
        URI callback = withoutVerifier.follow(withoutVerifier.follow(app("/oauth/login/oidc")));
        withoutVerifier.dropCookie("OAUTH2_PKCE");
        assertThat(outcome(withoutVerifier.follow(callback))).containsExactly(Map.entry("error", "sign_in_failed"));

        Browser wrongVerifier = new Browser();
        callback = wrongVerifier.follow(wrongVerifier.follow(app("/oauth/login/oidc")));
        wrongVerifier.replaceCookie(app("/"), "OAUTH2_PKCE", "a".repeat(64));
        assertThat(outcome(wrongVerifier.follow(callback))).containsExactly(Map.entry("error", "sign_in_failed"));

        assertThat(provider.refusals).containsExactly("code_verifier missing",
                "code_verifier does not match code_challenge");
        assertThat(stores.count("SELECT count(*) FROM users WHERE email = 'pkce@example.org'")).isEqualTo(1);
    }

    @Test
    void refusesACallbackWhoseStateThisBrowserDidNotStart() {
        provider.nextPerson(new Person("attacker", "attacker@example.org", true));
        Browser attacker = new Browser();
        URI attackersCallback = attacker.follow(attacker.follow(app("/oauth/login/oidc")));
        Browser victim = new Browser();
        URI victimsCallback = victim.follow(victim.follow(app("/oauth/login/oidc")));

        assertThat(outcome(victim.follow(attackersCallback))).containsExactly(Map.entry("error", "invalid_state"));
        String tampered = victimsCallback.toString().replaceFirst("state=[^&]+", "state=" + stateOf(attackersCallback));
        assertThat(outcome(new Browser().follow(URI.create(tampered)))).containsEntry("error", "invalid_state");

        assertThat(provider.refusals).isEmpty();
        assertThat(stores.count("SELECT count(*) FROM users WHERE email = 'attacker@example.org'")).isZero();
        assertThat(stores.count("SELECT count(*) FROM account_tokens WHERE purpose = 'SIGN_IN'")).isZero();
    }

    @Test
    void exchangesASignInCodeOnceOnly() {
        provider.nextPerson(new Person("once", "once@example.org", true));
        String code = signIn(new Browser(), "oidc").get("code");

        DocumentContext first = completeSignIn(code);
        DocumentContext second = completeSignIn(code);

        assertThat(first.<String>read("$.data.completeSignIn.tokenType")).isEqualTo("Bearer");
        assertThat(first.<Integer>read("$.data.completeSignIn.expiresIn")).isBetween(890, 900);
        assertThat(me(first.read("$.data.completeSignIn.accessToken")).<String>read("$.data.me.email"))
                .isEqualTo("once@example.org");
        assertThat(api.anonymous().graphql("refresh",
                Map.of("refreshToken", first.read("$.data.completeSignIn.refreshToken"))).<Object>read("$.errors")).isNull();
        assertThat(second.<String>read("$.errors[0].extensions.classification")).isEqualTo("UNAUTHENTICATED");
        assertThat(second.<String>read("$.errors[0].message")).contains("Sign in again");
        assertThat(stores.count("SELECT count(*) FROM account_tokens WHERE purpose = 'SIGN_IN' AND token_hash = sha256('"
                + code + "'::bytea)")).isEqualTo(1);
        assertThat(stores.count("SELECT count(*) FROM audit_log WHERE action = 'LOGIN_SUCCEEDED'"
                + " AND detail = 'through a sign-in provider'")).isEqualTo(1);
    }

    @Test
    void aSignInCodeWorksForTwoMinutesAndNoLonger() {
        provider.nextPerson(new Person("late", "late@example.org", true));
        String late = signIn(new Browser(), "oidc").get("code");
        provider.nextPerson(new Person("prompt", "prompt@example.org", true));
        String prompt = signIn(new Browser(), "oidc").get("code");

        clock.advance(Duration.ofSeconds(115));
        DocumentContext inTime = completeSignIn(prompt);
        clock.advance(Duration.ofSeconds(6));
        DocumentContext tooLate = completeSignIn(late);

        assertThat(inTime.<String>read("$.data.completeSignIn.accessToken")).as(inTime.jsonString()).isNotBlank();
        assertThat(tooLate.<String>read("$.errors[0].extensions.classification")).isEqualTo("UNAUTHENTICATED");
        assertThat(tooLate.<String>read("$.errors[0].message"))
                .isEqualTo("The sign-in code is not valid: it is unknown, expired or already used. Sign in again.");
        assertThat(tooLate.<Object>read("$.data")).isNull();
    }

    @Test
    void refusesAnUnknownOrMalformedSignInCodeAsUnauthenticated() {
        for (String attempt : List.of("kglc_unknown", "x".repeat(2000), "")) {
            DocumentContext reply = completeSignIn(attempt);
            assertThat(reply.<String>read("$.errors[0].extensions.classification")).as(reply.jsonString())
                    .isEqualTo("UNAUTHENTICATED");
            assertThat(reply.<Object>read("$.data")).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Flaw.class)
    void refusesAnIdTokenThatIsNotSoundAndCreatesNoAccount(Flaw flaw) {
        provider.nextPerson(new Person("flawed-" + flaw, "flawed@example.org", true));
        provider.flawNextIdToken(flaw);

        assertThat(signIn(new Browser(), "oidc")).containsExactly(Map.entry("error", "sign_in_failed"));

        assertThat(stores.count("SELECT count(*) FROM users WHERE email = 'flawed@example.org'")).isZero();
        assertThat(stores.count("SELECT count(*) FROM external_identities")).isZero();
        assertThat(stores.count("SELECT count(*) FROM account_tokens WHERE purpose = 'SIGN_IN'")).isZero();
    }

    @Test
    void anAccountCreatedByAProviderHasNoPasswordToGuess() {
        provider.nextPerson(new Person("no-password", "nopassword@example.org", true));
        signIn(new Browser(), "oidc");

        DocumentContext login = api.anonymous().graphql("login",
                Map.of("email", "nopassword@example.org", "password", "any password at all"));

        assertThat(login.<String>read("$.errors[0].message")).isEqualTo("Email or password is incorrect.");
    }

    @Test
    void claimingAnUnverifiedAccountEndsItsPasswordAndItsSignIns() {
        provider.nextPerson(new Person("rightful-owner", owner.email(), true));
        signIn(new Browser(), "oidc");

        DocumentContext login = api.anonymous().graphql("login",
                Map.of("email", owner.email(), "password", owner.password()));
        DocumentContext refresh = api.anonymous().graphql("refresh", Map.of("refreshToken", owner.refreshToken()));

        assertThat(login.<String>read("$.errors[0].message")).isEqualTo("Email or password is incorrect.");
        assertThat(refresh.<String>read("$.errors[0].extensions.classification")).isEqualTo("UNAUTHENTICATED");
        assertThat(stores.count("SELECT count(*) FROM users WHERE email_verified")).isEqualTo(1);
    }

    @Test
    void signsInThroughGitHubWithTheVerifiedPrimaryEmail() {
        provider.nextPerson(new Person("4242", "Octo@Example.org", true));

        Map<String, String> outcome = signIn(new Browser(), "github");

        assertThat(provider.authorizations.getLast()).containsEntry("code_challenge_method", "S256");
        String accessToken = completeSignIn(outcome.get("code")).read("$.data.completeSignIn.accessToken");
        assertThat(me(accessToken).<String>read("$.data.me.email")).isEqualTo("octo@example.org");
        assertThat(stores.count("SELECT count(*) FROM external_identities WHERE provider = 'github' "
                + "AND subject = '4242'")).isEqualTo(1);
    }

    @Test
    void refusesGitHubUsersWhosePrimaryEmailIsUnverified() {
        provider.nextPerson(new Person("4343", "unverified-octo@example.org", false));

        assertThat(signIn(new Browser(), "github")).containsExactly(Map.entry("error", "email_not_verified"));
        assertThat(stores.count("SELECT count(*) FROM users")).isEqualTo(1);
    }

    @Test
    void endsASignInTheProviderDeniedAtTheCompletionUrl() {
        Browser browser = new Browser();
        URI callback = browser.follow(browser.follow(app("/oauth/login/oidc")));
        URI denied = URI.create(callback.toString().replaceFirst("code=[^&]+", "error=access_denied"));

        assertThat(outcome(browser.follow(denied))).containsExactly(Map.entry("error", "provider_denied"));
    }

    @Test
    void neverAcceptsAProviderTokenOrAnUnsignedTokenAsABearerToken() {
        // Both name the owner's own account id as their subject: the worst case.
        String idToken = provider.idToken(new Person(owner.userId().toString(), owner.email(), true),
                FakeProviders.CLIENT_ID, null);
        String unsigned = new PlainJWT(new JWTClaimsSet.Builder().subject(owner.userId().toString())
                .claim("roles", List.of("user", "admin")).expirationTime(new Date(System.currentTimeMillis() + 60_000))
                .build()).serialize();

        for (String token : List.of(idToken, unsigned)) {
            Api.Reply graphql = api.anonymous().send(HttpRequest.POST("/graphql",
                    Map.of("query", "{ me { id } }")).contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(token));
            assertThat(graphql.json().<String>read("$.errors[0].extensions.classification")).isEqualTo("UNAUTHENTICATED");
            Api.Reply upload = api.actAs(new Api.Session(owner.userId(), owner.email(), owner.password(), token,
                    owner.refreshToken())).upload("note.md", Fixtures.text("# not ours"));
            assertThat(upload.status()).isEqualTo(401);
        }
    }

    @Test
    void neverWritesCodesTokensOrSecretsToTheLog() {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        try {
            provider.nextPerson(new Person("logged", "logged@example.org", true));
            String code = signIn(new Browser(), "oidc").get("code");
            DocumentContext tokens = completeSignIn(code);
            completeSignIn(code);
            Browser browser = new Browser();
            URI callback = browser.follow(browser.follow(app("/oauth/login/oidc")));
            browser.dropCookie("OAUTH2_PKCE");
            browser.follow(callback);

            List<String> secrets = List.of(code, tokens.read("$.data.completeSignIn.accessToken"),
                    tokens.read("$.data.completeSignIn.refreshToken"), FakeProviders.CLIENT_SECRET,
                    callback.getRawQuery().replaceFirst(".*code=([^&]+).*", "$1"));
            assertThat(appender.list).isNotEmpty().allSatisfy(event -> {
                String logged = event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
                assertThat(logged).doesNotContain(secrets).doesNotContain("kglc_", "eyJ");
            });
        } finally {
            root.detachAppender(appender);
        }
    }

    /** Starts at the service's login route and follows every redirect to the completion URL's parameters. */
    private Map<String, String> signIn(Browser browser, String providerName) {
        URI authorize = browser.follow(app("/oauth/login/" + providerName));
        assertThat(authorize.toString()).startsWith(provider.issuer());
        URI callback = browser.follow(authorize);
        assertThat(callback.getPath()).isEqualTo("/oauth/callback/" + providerName);
        return outcome(browser.follow(callback));
    }

    private static Map<String, String> outcome(URI completion) {
        assertThat(completion.toString()).startsWith(COMPLETION + "?");
        var parameters = new HashMap<String, String>();
        for (String pair : completion.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String stateOf(URI callback) {
        return callback.getRawQuery().replaceFirst(".*state=([^&]+).*", "$1");
    }

    private URI app(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    private DocumentContext completeSignIn(String code) {
        return api.anonymous().graphql("completeSignIn", Map.of("code", code));
    }

    private DocumentContext me(String accessToken) {
        return api.anonymous().send(HttpRequest.POST("/graphql", Map.of("query", "{ me { id email } }"))
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(accessToken)).json();
    }
}
