package org.kglab.identity.access;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kglab.support.Api;
import org.kglab.support.Fixtures;
import org.kglab.support.IntegrationTest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Isolation holds on every page of every list, not only the first: B walks each list one row at a
 * time ({@code first: 1}, then {@code after} the last cursor) to the end. A's private rows are older
 * and newer than B's, so that a leak on any page after the first would show.
 */
@MicronautTest(transactional = false)
class PagingIsolationIT extends IntegrationTest {

    private Api.Session alice;
    private Api.Session bob;

    @BeforeEach
    void twoUsers() {
        alice = owner;
        bob = api.signUp("bob@example.org");
    }

    @Test
    void pagingThroughDocumentsOneByOneNeverReachesAnotherUsersPrivateDocument() {
        List<String> alicePrivate = new ArrayList<>();
        List<String> visibleToBob = new ArrayList<>();
        alicePrivate.add(upload(alice, "oldest-private.md", "PRIVATE"));
        visibleToBob.add(upload(bob, "bob-1.md", "PRIVATE"));
        alicePrivate.add(upload(alice, "middle-private.md", "PRIVATE"));
        visibleToBob.add(upload(alice, "alice-public.md", "PUBLIC"));
        alicePrivate.add(upload(alice, "later-private.md", "PRIVATE"));
        visibleToBob.add(upload(bob, "bob-2.md", "PRIVATE"));
        alicePrivate.add(upload(alice, "newest-private.md", "PRIVATE"));

        List<String> seenByBob = walk(api.actAs(bob), "documents");

        assertThat(seenByBob).containsExactlyElementsOf(visibleToBob.reversed()).doesNotContainAnyElementsOf(alicePrivate);
        assertThat(walk(api.actAs(alice), "documents")).hasSize(5).containsAll(alicePrivate);
    }

    @Test
    void anApiKeyPagingThroughDocumentsSeesNoMoreThanItsOwner() {
        upload(alice, "private-a.md", "PRIVATE");
        String bobs = upload(bob, "bob.md", "PRIVATE");
        upload(alice, "private-b.md", "PRIVATE");
        String key = api.actAs(bob).graphql("createApiKey", Map.of("name", "reader", "scopes", List.of("READ")))
                .read("$.data.createApiKey.key");

        assertThat(walk(api.actAs(bob.withToken(key)), "documents")).containsExactly(bobs);
    }

    @Test
    void aNonAdministratorIsRefusedEveryPageOfTheUserList() {
        Api.Session admin = administrator("carol@example.org");
        List<String> cursors = cursors(api.actAs(admin), "users");
        assertThat(walk(api.actAs(admin), "users")).hasSize(3);

        for (String after : withFirstPage(cursors)) {
            assertRefused(api.actAs(bob).graphql("users", page(after)), "users");
        }
    }

    @Test
    void aNonAdministratorIsRefusedEveryPageOfTheAuditLog() {
        Api.Session admin = administrator("carol@example.org");
        List<String> cursors = cursors(api.actAs(admin), "auditLog");
        assertThat(cursors).hasSizeGreaterThanOrEqualTo(6);

        for (String after : withFirstPage(cursors)) {
            assertRefused(api.actAs(bob).graphql("auditLog", page(after)), "auditLog");
        }
    }

    @Test
    void eachUserListsOnlyTheirOwnApiKeys() {
        String aliceKey = createKey(alice, "alice's first");
        String aliceOther = createKey(alice, "alice's second");
        String bobKey = createKey(bob, "bob's");

        assertThat(api.actAs(bob).graphql("apiKeys", Map.of()).<List<String>>read("$.data.apiKeys[*].id"))
                .containsExactly(bobKey);
        assertThat(api.actAs(alice).graphql("apiKeys", Map.of()).<List<String>>read("$.data.apiKeys[*].id"))
                .containsExactlyInAnyOrder(aliceKey, aliceOther);
    }

    /** Every id of a list, requested one row at a time until the list says there is no next page. */
    private List<String> walk(Api client, String list) {
        List<String> ids = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 100; page++) {
            DocumentContext reply = client.graphql(list, page(after));
            assertThat(reply.<Object>read("$.errors")).as(reply.jsonString()).isNull();
            List<String> rows = reply.read("$.data." + list + ".edges[*].node.id");
            assertThat(rows).hasSizeLessThanOrEqualTo(1);
            ids.addAll(rows);
            if (!reply.<Boolean>read("$.data." + list + ".pageInfo.hasNextPage")) {
                return ids;
            }
            after = reply.read("$.data." + list + ".pageInfo.endCursor");
        }
        throw new AssertionError(list + " did not end within 100 pages");
    }

    private List<String> cursors(Api client, String list) {
        List<String> cursors = new ArrayList<>();
        String after = null;
        do {
            DocumentContext reply = client.graphql(list, page(after));
            after = reply.<Boolean>read("$.data." + list + ".pageInfo.hasNextPage")
                    ? reply.read("$.data." + list + ".pageInfo.endCursor") : null;
            if (after != null) {
                cursors.add(after);
            }
        } while (after != null);
        return cursors;
    }

    private static List<String> withFirstPage(List<String> cursors) {
        List<String> all = new ArrayList<>();
        all.add(null);
        all.addAll(cursors);
        return all;
    }

    private static Map<String, Object> page(String after) {
        var variables = new HashMap<String, Object>();
        variables.put("first", 1);
        if (after != null) {
            variables.put("after", after);
        }
        return variables;
    }

    private static void assertRefused(DocumentContext reply, String list) {
        assertThat(reply.<String>read("$.errors[0].extensions.classification")).as(reply.jsonString())
                .isEqualTo("FORBIDDEN");
        assertThat(reply.<Object>read("$.data")).as(reply.jsonString()).isNull();
        assertThat(reply.jsonString()).doesNotContain("@example.org").doesNotContain("\"" + list + "\":{");
    }

    private Api.Session administrator(String email) {
        Api.Session registered = api.signUp(email);
        stores.sql("UPDATE users SET role = 'admin' WHERE email = '" + email + "'");
        // Roles travel in the access token: sign in again to carry the new one.
        return signIn(registered);
    }

    private Api.Session signIn(Api.Session session) {
        DocumentContext login = api.anonymous().graphql("login",
                Map.of("email", session.email(), "password", session.password()));
        return session.withToken(login.read("$.data.login.accessToken"));
    }

    private String createKey(Api.Session session, String name) {
        return api.actAs(session).graphql("createApiKey", Map.of("name", name, "scopes", List.of("READ")))
                .read("$.data.createApiKey.apiKey.id");
    }

    private String upload(Api.Session session, String name, String visibility) {
        Api.Reply reply = api.actAs(session).upload(name, Fixtures.text("# " + name), visibility);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().read("$.documentId");
    }
}
