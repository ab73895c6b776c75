package org.kglab.api.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.introspection.IntrospectionQuery;
import graphql.scalars.ExtendedScalars;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The limits alone, on the real schema with no data behind it: what is refused is refused before any fetcher. */
class OperationLimitsTest {

    private final GraphQL graphql = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(
                    GraphQLFactory.loadSchema(), RuntimeWiring.newRuntimeWiring()
                            .scalar(DateTimes.SCALAR).scalar(ExtendedScalars.GraphQLLong)
                            .scalar(ExtendedScalars.Json).build()))
            .instrumentation(new OperationLimits())
            .build();

    @Test
    void countsTextInFragmentsTimesThePageSizeFromVariables() {
        String query = """
                query Page($first: Int, $length: Int) {
                  documents(first: $first) { edges { node { ...Body } } }
                }
                fragment Body on Document { text(maxLength: $length) }
                """;

        assertThat(limitError(query, Map.of("first", 41, "length", 100_000))).contains("4,100,000 characters");
        assertThat(limitError(query, Map.of("first", 40, "length", 100_000))).isNull();
    }

    @Test
    void countsTheDefaultLengthWhenNoneIsGiven() {
        assertThat(limitError("{ documents(first: 41) { edges { node { text } } } }", Map.of()))
                .contains("4,100,000 characters", "100,000 unless given");
        assertThat(limitError("{ documents { edges { node { text } } } }", Map.of())).isNull();
    }

    @Test
    void countsAliasesAnywhereInTheOperation() {
        String aliases = "{ me { " + "x: id ".repeat(31) + "} }";
        assertThat(limitError(aliases, Map.of())).contains("31 aliases");
        assertThat(limitError("{ me { " + "x: id ".repeat(30) + "} }", Map.of())).isNull();
    }

    @Test
    void letsThePlaygroundsIntrospectionThrough() {
        assertThat(limitError(IntrospectionQuery.INTROSPECTION_QUERY, Map.of())).isNull();
    }

    /** The limit's message, or null when the operation passed the limits (whatever the fetchers then did). */
    private String limitError(String query, Map<String, Object> variables) {
        ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput(query).variables(variables));
        return result.getErrors().stream().map(GraphQLError::getMessage)
                .filter(message -> message.contains("the limit is")).findFirst().orElse(null);
    }
}
