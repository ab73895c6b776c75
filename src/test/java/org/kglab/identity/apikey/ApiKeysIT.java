package org.kglab.identity.apikey;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.kglab.support.Api;
import org.kglab.support.Fixtures;
import org.kglab.support.IntegrationTest;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API keys: shown once, stored hashed, limited to their scopes, and revocable at once. */
@MicronautTest(transactional = false)
class ApiKeysIT extends IntegrationTest {

    @Test
    void createsAKeyThatIsShownOnceAndStoredOnlyAsAHash() {
        DocumentContext created = create("pipeline", List.of("READ", "INGEST"));
        String key = created.read("$.data.createApiKey.key");
        assertThat(key).startsWith("kgl_").hasSize(47);
        assertThat(created.<String>read("$.data.createApiKey.apiKey.prefix")).isEqualTo(key.substring(0, 12));
        assertThat(created.<List<String>>read("$.data.createApiKey.apiKey.scopes")).containsExactly("INGEST", "READ");

        DocumentContext listed = api.graphql("apiKeys", Map.of());
        assertThat(listed.<List<String>>read("$.data.apiKeys[*].name")).containsExactly("pipeline");
        assertThat(listed.jsonString()).doesNotContain(key);
        assertThat(stores.count("SELECT count(*) FROM api_keys WHERE key_hash = sha256(convert_to('" + key
                + "', 'UTF8'))")).isEqualTo(1);
    }

    @Test
    void authenticatesWithABearerKeyOrTheXApiKeyHeader() {
        String id = api.uploadText("note.md", "# A note");
        String key = keyWith("READ");
        Api.Session viaKey = owner.withToken(key);
        assertThat(api.actAs(viaKey).graphql("document", Map.of("id", id)).<String>read("$.data.document.id"))
                .isEqualTo(id);

        Api.Reply header = api.anonymous().send(HttpRequest.POST("/graphql",
                        Map.of("query", "{ documents { edges { node { id } } } }"))
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("X-API-Key", key));
        assertThat(header.json().<List<String>>read("$.data.documents.edges[*].node.id")).containsExactly(id);
        assertThat(api.actAs(owner).graphql("apiKeys", Map.of()).<String>read("$.data.apiKeys[0].lastUsedAt"))
                .isNotNull();
    }

    @Test
    void aReadOnlyKeyCanNeitherUploadNorDelete() {
        String id = api.uploadText("note.md", "# Keep me");
        api.actAs(owner.withToken(keyWith("READ")));

        Api.Reply upload = api.upload("new.md", Fixtures.text("# New"));
        assertThat(upload.status()).isEqualTo(403);
        assertThat(upload.contentType()).startsWith("application/problem+json");
        assertThat(upload.json().<String>read("$.detail")).isEqualTo("This API key does not have the 'ingest' scope.");

        DocumentContext delete = api.graphql("deleteDocument", Map.of("id", id));
        assertThat(delete.<String>read("$.errors[0].extensions.classification")).isEqualTo("FORBIDDEN");
        assertThat(stores.count("SELECT count(*) FROM documents")).isEqualTo(1);
    }

    @Test
    void anIngestOnlyKeyCanUploadButNotRead() {
        api.actAs(owner.withToken(keyWith("INGEST")));
        String id = api.uploadText("ingested.md", "# Brought in by a pipeline");
        DocumentContext read = api.graphql("document", Map.of("id", id));
        assertThat(read.<String>read("$.errors[0].extensions.classification")).isEqualTo("FORBIDDEN");
        assertThat(stores.count("SELECT count(*) FROM documents WHERE owner_id = '" + owner.userId() + "'"))
                .isEqualTo(1);
    }

    @Test
    void aKeyCannotManageTheAccount() {
        api.actAs(owner.withToken(keyWith("READ", "WRITE", "INGEST")));
        DocumentContext newKey = create("escalation", List.of("READ"));
        DocumentContext password = api.graphql("changePassword",
                Map.of("currentPassword", owner.password(), "newPassword", "a different passphrase"));
        DocumentContext keys = api.graphql("apiKeys", Map.of());
        for (DocumentContext reply : List.of(newKey, password, keys)) {
            assertThat(reply.<String>read("$.errors[0].extensions.classification")).isEqualTo("FORBIDDEN");
        }
        assertThat(stores.count("SELECT count(*) FROM api_keys")).isEqualTo(1);
    }

    @Test
    void meShowsOnlyTheRolesAKeyCanUseNeverAdmin() {
        stores.sql("UPDATE users SET role = 'admin' WHERE id = '" + owner.userId() + "'");
        String key = keyWith("READ");

        DocumentContext viaKey = api.actAs(owner.withToken(key)).graphql("me", Map.of());

        assertThat(viaKey.<String>read("$.data.me.id")).isEqualTo(owner.userId().toString());
        assertThat(viaKey.<List<String>>read("$.data.me.roles")).containsExactly("user");
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        DocumentContext created = create("short-lived", List.of("READ"));
        String key = created.read("$.data.createApiKey.key");
        String keyId = created.read("$.data.createApiKey.apiKey.id");
        assertThat(api.actAs(owner.withToken(key)).graphql("documents", Map.of()).<Object>read("$.errors")).isNull();
        assertThat(api.actAs(owner).graphql("revokeApiKey", Map.of("id", keyId)).<Boolean>read("$.data.revokeApiKey"))
                .isTrue();

        DocumentContext reply = api.actAs(owner.withToken(key)).graphql("documents", Map.of());
        assertThat(reply.<String>read("$.errors[0].extensions.classification")).isEqualTo("UNAUTHENTICATED");
        assertThat(api.actAs(owner.withToken(key)).upload("x.md", Fixtures.text("x")).status()).isEqualTo(401);
        assertThat(api.actAs(owner).graphql("apiKeys", Map.of()).<String>read("$.data.apiKeys[0].revokedAt"))
                .isNotNull();
    }

    @Test
    void aKeyWorksUntilItExpiresAndIsRefusedFromThen() {
        String expiresAt = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString();
        String key = api.graphql("createApiKey", Map.of("name", "for an hour", "scopes", List.of("READ"),
                "expiresAt", expiresAt)).read("$.data.createApiKey.key");
        api.actAs(owner.withToken(key));

        clock.advance(Duration.ofMinutes(59));
        DocumentContext before = api.graphql("documents", Map.of());
        clock.advance(Duration.ofMinutes(1));
        DocumentContext after = api.graphql("documents", Map.of());
        Api.Reply upload = api.upload("late.md", Fixtures.text("# after expiry"));

        assertThat(before.<Object>read("$.errors")).as(before.jsonString()).isNull();
        assertThat(before.<List<Object>>read("$.data.documents.edges")).isEmpty();
        assertThat(after.<String>read("$.errors[0].extensions.classification")).isEqualTo("UNAUTHENTICATED");
        assertThat(after.<Object>read("$.data")).isNull();
        assertThat(upload.status()).isEqualTo(401);
    }

    @Test
    void refusesAKeyWithoutNameOrScopesOrWithAPastExpiry() {
        assertThat(create(" ", List.of("READ")).<String>read("$.errors[0].message"))
                .isEqualTo("An API key needs a name of 1 to 100 characters.");
        assertThat(create("no scopes", List.of()).<String>read("$.errors[0].message"))
                .startsWith("An API key needs at least one scope");
        DocumentContext past = api.graphql("createApiKey",
                Map.of("name", "past", "scopes", List.of("READ"), "expiresAt", "2020-01-01T00:00:00Z"));
        assertThat(past.<String>read("$.errors[0].message")).isEqualTo("'expiresAt' must be in the future.");
        assertThat(stores.count("SELECT count(*) FROM api_keys")).isZero();
    }

    @Test
    void oneUserCannotSeeOrRevokeAnothersKeys() {
        String keyId = create("mine", List.of("READ")).read("$.data.createApiKey.apiKey.id");
        Api.Session bob = api.signUp("bob@example.org");
        api.actAs(bob);
        assertThat(api.graphql("apiKeys", Map.of()).<List<Object>>read("$.data.apiKeys")).isEmpty();
        DocumentContext revoke = api.graphql("revokeApiKey", Map.of("id", keyId));
        assertThat(revoke.<String>read("$.errors[0].extensions.classification")).isEqualTo("NOT_FOUND");
        assertThat(stores.count("SELECT count(*) FROM api_keys WHERE revoked_at IS NULL")).isEqualTo(1);
    }

    @Test
    void recordsKeyCreationAndRevocationInTheAuditTrail() {
        String keyId = create("audited", List.of("READ")).read("$.data.createApiKey.apiKey.id");
        api.graphql("revokeApiKey", Map.of("id", keyId));
        assertThat(stores.count("SELECT count(*) FROM audit_log WHERE action IN ('API_KEY_CREATED', 'API_KEY_REVOKED')"
                + " AND target = '" + keyId + "' AND actor_id = '" + owner.userId() + "'")).isEqualTo(2);
        assertThat(stores.count("SELECT count(*) FROM audit_log WHERE detail LIKE '%kgl_%'")).isZero();
    }

    private String keyWith(String... scopes) {
        return create("key", List.of(scopes)).read("$.data.createApiKey.key");
    }

    private DocumentContext create(String name, List<String> scopes) {
        return api.graphql("createApiKey", Map.of("name", name, "scopes", scopes));
    }
}
