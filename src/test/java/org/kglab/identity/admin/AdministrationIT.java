package org.kglab.identity.admin;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kglab.support.Api;
import org.kglab.support.IntegrationTest;
import org.kglab.support.Mailbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first administrator comes from KGLAB_ADMIN_EMAIL once that address is verified; administrators
 * list accounts, disable them, change roles and read the audit trail; nobody else can.
 */
@MicronautTest(transactional = false)
class AdministrationIT extends IntegrationTest {

    private static final String ADMIN_EMAIL = "root@example.org";

    private final Mailbox mailbox = new Mailbox();
    private Api.Session admin;

    @Override
    protected Map<String, String> extraProperties() {
        var properties = new HashMap<>(mailbox.smtpProperties());
        properties.put("kglab.auth.admin-email", ADMIN_EMAIL.toUpperCase());
        return properties;
    }

    @BeforeEach
    void anAdministratorFromConfiguration() {
        mailbox.clear();
        Api.Session registered = api.signUp(ADMIN_EMAIL);
        String token = mailbox.awaitToken(ADMIN_EMAIL, "kglv_").token();
        DocumentContext verified = api.anonymous().graphql("verifyEmail", Map.of("token", token));
        assertThat(verified.<List<String>>read("$.data.verifyEmail.roles")).containsExactly("admin", "user");
        admin = signIn(registered);
        api.actAs(admin);
    }

    @AfterAll
    void stopMailServer() {
        mailbox.close();
    }

    @Test
    void theConfiguredAddressIsNotAdminBeforeItIsVerified() {
        mailbox.clear();
        stores.sql("UPDATE users SET role = 'user', email_verified = false WHERE email = '" + ADMIN_EMAIL + "'");
        Api.Session unverified = signIn(admin);
        assertThat(api.actAs(unverified).graphql("me", Map.of()).<List<String>>read("$.data.me.roles"))
                .containsExactly("user");
        assertThat(api.graphql("users", Map.of()).<String>read("$.errors[0].extensions.classification"))
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void listsAccountsPageByPage() {
        api.signUp("zoe@example.org");
        DocumentContext first = api.graphql("users", Map.of("first", 2));
        assertThat(first.<List<String>>read("$.data.users.edges[*].node.email"))
                .containsExactly("owner@example.org", ADMIN_EMAIL);
        assertThat(first.<Boolean>read("$.data.users.pageInfo.hasNextPage")).isTrue();
        DocumentContext second = api.graphql("users",
                Map.of("first", 2, "after", first.read("$.data.users.pageInfo.endCursor")));
        assertThat(second.<List<String>>read("$.data.users.edges[*].node.email")).containsExactly("zoe@example.org");
        assertThat(second.<Boolean>read("$.data.users.pageInfo.hasNextPage")).isFalse();
    }

    @Test
    void refusesAdministrationToOrdinaryUsersAndToKeys() {
        api.actAs(owner);
        assertForbidden(api.graphql("users", Map.of()));
        assertForbidden(api.graphql("auditLog", Map.of()));
        assertForbidden(api.graphql("setUserDisabled", Map.of("id", admin.userId().toString(), "disabled", true)));
        assertForbidden(api.graphql("setUserRole", Map.of("id", owner.userId().toString(), "role", "ADMIN")));

        String adminsKey = api.actAs(admin).graphql("createApiKey",
                Map.of("name", "admin key", "scopes", List.of("READ", "WRITE"))).read("$.data.createApiKey.key");
        assertForbidden(api.actAs(admin.withToken(adminsKey)).graphql("users", Map.of()));
        assertThat(stores.count("SELECT count(*) FROM users WHERE role = 'admin'")).isEqualTo(1);
    }

    @Test
    void disablingAUserEndsTheirSignInsTokensAndKeysAtOnce() {
        String key = api.actAs(owner).graphql("createApiKey", Map.of("name", "k", "scopes", List.of("READ")))
                .read("$.data.createApiKey.key");
        assertThat(api.actAs(owner.withToken(key)).graphql("documents", Map.of()).<Object>read("$.errors")).isNull();
        DocumentContext disabled = api.actAs(admin).graphql("setUserDisabled",
                Map.of("id", owner.userId().toString(), "disabled", true));
        assertThat(disabled.<Boolean>read("$.data.setUserDisabled.disabled")).isTrue();

        assertUnauthenticated(api.actAs(owner).graphql("me", Map.of()));
        assertUnauthenticated(api.actAs(owner.withToken(key)).graphql("documents", Map.of()));
        assertUnauthenticated(api.anonymous().graphql("refresh", Map.of("refreshToken", owner.refreshToken())));
        assertUnauthenticated(api.graphql("login", Map.of("email", owner.email(), "password", owner.password())));

        api.actAs(admin).graphql("setUserDisabled", Map.of("id", owner.userId().toString(), "disabled", false));
        assertThat(api.anonymous().graphql("login", Map.of("email", owner.email(), "password", owner.password()))
                .<Object>read("$.errors")).isNull();
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() {
        assertForbidden(api.graphql("setUserDisabled", Map.of("id", admin.userId().toString(), "disabled", true)));
        assertForbidden(api.graphql("setUserRole", Map.of("id", admin.userId().toString(), "role", "USER")));
    }

    @Test
    void grantsTheAdminRoleFromTheNextSignIn() {
        DocumentContext granted = api.graphql("setUserRole", Map.of("id", owner.userId().toString(), "role", "ADMIN"));
        assertThat(granted.<List<String>>read("$.data.setUserRole.roles")).containsExactly("admin", "user");
        String refreshed = api.anonymous().graphql("refresh", Map.of("refreshToken", owner.refreshToken()))
                .read("$.data.refreshToken.accessToken");
        assertThat(api.actAs(owner.withToken(refreshed)).graphql("users", Map.of()).<Object>read("$.errors")).isNull();
    }

    @Test
    void answersNotFoundForAnUnknownUser() {
        DocumentContext reply = api.graphql("setUserDisabled",
                Map.of("id", "00000000-0000-0000-0000-00000000000f", "disabled", true));
        assertThat(reply.<String>read("$.errors[0].extensions.classification")).isEqualTo("NOT_FOUND");
    }

    @Test
    void theAuditTrailRecordsWhoDidWhatFromWhere() {
        api.anonymous().graphql("login", Map.of("email", owner.email(), "password", "a wrong password here"));
        api.anonymous().send(HttpRequest.POST("/graphql", Map.of("query",
                        "mutation { login(email: \"" + owner.email() + "\", password: \"" + owner.password()
                                + "\") { accessToken } }"))
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("User-Agent", "audit-probe/1.0"));
        api.actAs(admin).graphql("setUserDisabled", Map.of("id", owner.userId().toString(), "disabled", true));

        DocumentContext log = api.graphql("auditLog", Map.of("first", 100));
        List<String> actions = log.read("$.data.auditLog.edges[*].node.action");
        assertThat(actions.subList(0, 3)).containsExactly("USER_DISABLED", "LOGIN_SUCCEEDED", "LOGIN_FAILED");
        assertThat(actions).contains("ROLE_CHANGED", "EMAIL_VERIFIED", "ACCOUNT_REGISTERED");
        assertThat(log.<String>read("$.data.auditLog.edges[0].node.actorId")).isEqualTo(admin.userId().toString());
        assertThat(log.<String>read("$.data.auditLog.edges[0].node.target")).isEqualTo(owner.userId().toString());
        assertThat(log.<String>read("$.data.auditLog.edges[1].node.userAgent")).isEqualTo("audit-probe/1.0");
        assertThat(log.<String>read("$.data.auditLog.edges[1].node.ip")).isEqualTo("127.0.0.1");
        assertThat(log.<String>read("$.data.auditLog.edges[2].node.detail")).isEqualTo("wrong password");
        assertThat(log.jsonString()).doesNotContain(owner.password()).doesNotContain("a wrong password here");

        DocumentContext failures = api.graphql("auditLog", Map.of("action", "LOGIN_FAILED", "first", 1));
        assertThat(failures.<List<String>>read("$.data.auditLog.edges[*].node.target")).containsExactly(owner.email());
    }

    @Test
    void pagesThroughTheAuditTrailNewestFirst() {
        DocumentContext first = api.graphql("auditLog", Map.of("first", 2));
        DocumentContext rest = api.graphql("auditLog",
                Map.of("first", 100, "after", first.read("$.data.auditLog.pageInfo.endCursor")));
        List<Integer> firstIds = ids(first);
        List<Integer> restIds = ids(rest);
        assertThat(firstIds).hasSize(2);
        assertThat(restIds).isNotEmpty().allMatch(id -> id < firstIds.get(1));
        assertThat(stores.count("SELECT count(*) FROM audit_log")).isEqualTo(firstIds.size() + restIds.size());
    }

    private static List<Integer> ids(DocumentContext reply) {
        return reply.<List<String>>read("$.data.auditLog.edges[*].node.id").stream().map(Integer::valueOf).toList();
    }

    private Api.Session signIn(Api.Session session) {
        DocumentContext login = api.anonymous().graphql("login",
                Map.of("email", session.email(), "password", session.password()));
        return new Api.Session(session.userId(), session.email(), session.password(),
                login.read("$.data.login.accessToken"), login.read("$.data.login.refreshToken"));
    }

    private static void assertForbidden(DocumentContext reply) {
        assertThat(reply.<String>read("$.errors[0].extensions.classification")).as(reply.jsonString())
                .isEqualTo("FORBIDDEN");
    }

    private static void assertUnauthenticated(DocumentContext reply) {
        assertThat(reply.<String>read("$.errors[0].extensions.classification")).as(reply.jsonString())
                .isEqualTo("UNAUTHENTICATED");
    }
}
