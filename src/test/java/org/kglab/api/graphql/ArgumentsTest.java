package org.kglab.api.graphql;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;
import org.kglab.platform.Failure;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Arguments as the fetchers see them, through a real graphql-java execution. */
class ArgumentsTest {

    private final GraphQL graphQL = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse("""
                    type Query {
                        page(first: Int = 20): Int
                        after(after: String): String
                        item: Item
                    }
                    type Item {
                        name: String
                    }
                    """),
            RuntimeWiring.newRuntimeWiring()
                    .type("Query", type -> type
                            .dataFetcher("page", env -> Arguments.<Integer>required(env, "first"))
                            .dataFetcher("after", env -> {
                                String after = Arguments.optional(env, "after");
                                return after == null ? "absent" : after;
                            })
                            .dataFetcher("item", env -> new Item("one")))
                    .type("Item", type -> type
                            .dataFetcher("name", env -> Arguments.<Item>source(env).name()))
                    .build())).build();

    @Test
    void aRequiredArgumentTakesItsSchemaDefault() {
        assertThat(data("{ page }")).containsEntry("page", 20);
        assertThat(data("{ page(first: 5) }")).containsEntry("page", 5);
    }

    @Test
    void anExplicitNullForARequiredArgumentIsABadRequestNamingIt() {
        ExecutionResult result = graphQL.execute("{ page(first: null) }");
        assertThat(result.getErrors()).singleElement()
                .isInstanceOfSatisfying(ExceptionWhileDataFetching.class, error -> assertThat(error.getException())
                        .isInstanceOfSatisfying(InvalidArgument.class, failure -> {
                            assertThat(failure.kind()).isEqualTo(Failure.Kind.BAD_REQUEST);
                            assertThat(failure.getMessage()).isEqualTo("'first' must not be null.");
                        }));
    }

    @Test
    void anOptionalArgumentMayBeAbsent() {
        assertThat(data("{ after }")).containsEntry("after", "absent");
        assertThat(data("{ after(after: \"c1\") }")).containsEntry("after", "c1");
    }

    @Test
    void theSourceIsTheParentObject() {
        assertThat(data("{ item { name } }")).containsEntry("item", Map.of("name", "one"));
    }

    private Map<String, Object> data(String query) {
        ExecutionResult result = graphQL.execute(query);
        assertThat(result.getErrors()).isEmpty();
        return result.getData();
    }

    private record Item(String name) {
    }
}
