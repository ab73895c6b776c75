package org.kglab.api;

import com.jayway.jsonpath.DocumentContext;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kglab.support.Api;
import org.kglab.support.IntegrationTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every root field of schema.graphqls and every REST route the server has, anonymously, and
 * proves each is refused unless it is on the public list. A new field or route is covered the
 * moment it exists: nobody has to remember to add it here.
 */
@MicronautTest(transactional = false)
class ProtectedByDefaultIT extends IntegrationTest {

    /** The only GraphQL fields an anonymous caller may use. Deliberately spelled out again here. */
    private static final Set<String> PUBLIC_FIELDS = Set.of(
            "Mutation.register", "Mutation.login", "Mutation.refreshToken", "Mutation.logout",
            "Mutation.verifyEmail", "Mutation.requestPasswordReset", "Mutation.resetPassword",
            "Mutation.completeSignIn");

    /** The only REST routes (method + template) an anonymous caller may use. */
    private static final Set<String> PUBLIC_ROUTES = Set.of(
            "GET /graphiql", "GET /docs", "GET /.well-known/jwks.json",
            "GET /graphql", "POST /graphql",
            // The WebSocket upgrade: the socket authenticates in connection_init (JobProgressSubscriptionIT).
            "GET /graphql-ws",
            "GET /health", "GET /health/{selector}",
            // Sign-in through a provider: these exist per configured provider (github, below).
            "GET /oauth/login/github", "GET /oauth/callback/github", "POST /oauth/callback/github");

    /**
     * A GitHub client, so that the provider sign-in routes exist and are walked too. Nothing here
     * contacts GitHub: its URLs point at a closed local port, and redirects are not followed.
     */
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "micronaut.security.oauth2.clients.github.client-id", "walk-client",
                "micronaut.security.oauth2.clients.github.client-secret", "walk-secret",
                "micronaut.security.oauth2.clients.github.authorization.url", "http://127.0.0.1:9/authorize",
                "micronaut.security.oauth2.clients.github.token.url", "http://127.0.0.1:9/token",
                "micronaut.http.client.follow-redirects", "false");
    }

    @Inject
    Router router;

    @Test
    void refusesEveryNonPublicGraphQLFieldToAnonymousCallers() throws Exception {
        TypeDefinitionRegistry schema = new SchemaParser().parse(Files.readString(Path.of("schema.graphqls")));
        List<String> checked = new ArrayList<>();
        for (String root : List.of("Query", "Mutation")) {
            // The root type and every `extend type` of it: features add their fields in sections of their own.
            List<FieldDefinition> fields = new ArrayList<>(
                    schema.getType(root, ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions());
            schema.objectTypeExtensions().getOrDefault(root, List.of())
                    .forEach(extension -> fields.addAll(extension.getFieldDefinitions()));
            for (FieldDefinition field : fields) {
                String name = root + "." + field.getName();
                DocumentContext reply = api.anonymous().graphqlText(operation(root, field, schema), Map.of());
                boolean failed = reply.read("$.errors") != null;
                String classification = failed ? reply.read("$.errors[0].extensions.classification") : null;
                String message = failed ? reply.read("$.errors[0].message") : null;
                if (PUBLIC_FIELDS.contains(name)) {
                    // Public fields may still fail (a wrong password is UNAUTHENTICATED), but never at the guard.
                    assertThat(message == null ? "" : message).as(name).doesNotContain("Sign in to use");
                } else {
                    assertThat(classification).as(name + ": " + reply.jsonString()).isEqualTo("UNAUTHENTICATED");
                    assertThat(message).startsWith("Sign in to use '" + field.getName() + "'");
                }
                checked.add(name);
            }
        }
        assertThat(checked).containsAll(PUBLIC_FIELDS).contains("Query.documents", "Mutation.deleteDocument",
                "Query.syncStatus", "Query.neighbors", "Mutation.upsertEntities");
    }

    @Test
    void refusesEveryNonPublicRouteToAnonymousCallers() {
        List<String> checked = new ArrayList<>();
        for (UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
            String template = route.getUriMatchTemplate().toString().strip();
            String key = route.getHttpMethod() + " " + template;
            // HEAD is answered by the GET route of the same path, with the same rules.
            String rule = route.getHttpMethod() == io.micronaut.http.HttpMethod.HEAD ? "GET " + template : key;
            String path = route.getUriMatchTemplate().expand(Map.of(
                    "selector", "liveness", "id", UUID.randomUUID().toString()));
            Api.Reply reply = api.anonymous().send(HttpRequest.create(route.getHttpMethod(), path));
            if (PUBLIC_ROUTES.contains(rule)) {
                assertThat(reply.status()).as(key).isNotEqualTo(401);
            } else {
                assertThat(reply.status()).as(key + " " + reply.body()).isEqualTo(401);
            }
            checked.add(key);
        }
        assertThat(checked).contains("POST /api/v1/files", "GET /graphiql", "GET /health", "GET /oauth/login/github",
                "GET /oauth/callback/github");
    }

    @Test
    void explainsARefusalInProblemJson() {
        var body = MultipartBody.builder().addPart("file", "note.md", MediaType.TEXT_PLAIN_TYPE, new byte[] {'x'}).build();
        Api.Reply reply = api.anonymous()
                .send(HttpRequest.POST("/api/v1/files", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().<String>read("$.detail")).contains("Authorization: Bearer");
    }

    /** A syntactically valid call of the field: placeholder arguments, the smallest selection. */
    private static String operation(String root, FieldDefinition field, TypeDefinitionRegistry schema) {
        String arguments = field.getInputValueDefinitions().stream()
                .map(argument -> placeholder(argument, schema))
                .collect(Collectors.joining(", "));
        String call = field.getName() + (arguments.isEmpty() ? "" : "(" + arguments + ")");
        boolean object = schema.getType(baseName(field.getType()), ObjectTypeDefinition.class).isPresent();
        return (root.equals("Query") ? "query" : "mutation") + " { " + call + (object ? " { __typename }" : "") + " }";
    }

    private static String placeholder(InputValueDefinition argument, TypeDefinitionRegistry schema) {
        return argument.getName() + ": " + value(baseName(argument.getType()), schema);
    }

    /** A literal of the type; an input object gets its required fields only. */
    private static String value(String type, TypeDefinitionRegistry schema) {
        var enumType = schema.getType(type, EnumTypeDefinition.class);
        if (enumType.isPresent()) {
            return enumType.get().getEnumValueDefinitions().getFirst().getName();
        }
        var inputType = schema.getType(type, InputObjectTypeDefinition.class);
        if (inputType.isPresent()) {
            return inputType.get().getInputValueDefinitions().stream()
                    .filter(field -> field.getType() instanceof NonNullType && field.getDefaultValue() == null)
                    .map(field -> placeholder(field, schema))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return switch (type) {
            case "ID", "String" -> "\"" + UUID.randomUUID() + "\"";
            case "Int", "Long" -> "1";
            case "Float" -> "0.5";
            case "Boolean" -> "false";
            case "DateTime" -> "\"2099-01-01T00:00:00Z\"";
            case "JSON" -> "{}";
            default -> throw new AssertionError("Add a placeholder for " + type);
        };
    }

    private static String baseName(Type<?> type) {
        return switch (type) {
            case NonNullType t -> baseName(t.getType());
            case ListType t -> baseName(t.getType());
            case TypeName t -> t.getName();
            default -> throw new AssertionError(type.toString());
        };
    }
}
