package org.kglab.api.graphql;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class DateTimesTest {

    private final AtomicReference<Object> received = new AtomicReference<>();

    private final GraphQL graphQL = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse("""
                    scalar DateTime
                    type Query {
                        instant: DateTime
                        offset: DateTime
                        date: DateTime
                        none: DateTime
                        echo(at: DateTime!): Boolean
                    }
                    """),
            RuntimeWiring.newRuntimeWiring().scalar(DateTimes.SCALAR).type("Query", type -> type
                    .dataFetcher("instant", env -> Instant.parse("2026-12-01T10:15:30.123456Z"))
                    .dataFetcher("offset", env -> OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2)))
                    .dataFetcher("date", env -> LocalDate.of(2026, 12, 1))
                    .dataFetcher("none", env -> null)
                    .dataFetcher("echo", env -> {
                        received.set(env.getArgument("at"));
                        return true;
                    })).build())).build();

    @Test
    void writesInstantsInUtc() {
        assertThat(data("{ instant }")).containsEntry("instant", "2026-12-01T10:15:30.123Z");
    }

    @Test
    void keepsTheOffsetOfAnOffsetDateTime() {
        assertThat(data("{ offset }")).containsEntry("offset", "2026-12-01T12:00:00.000+02:00");
    }

    @Test
    void writesADateAsTheStartOfThatDayInUtc() {
        assertThat(data("{ date }")).containsEntry("date", "2026-12-01T00:00:00.000Z");
    }

    @Test
    void writesNullAsNull() {
        assertThat(data("{ none }")).containsEntry("none", null);
    }

    @Test
    void parsesIsoInputFromALiteralAndAVariable() {
        data("{ echo(at: \"2026-12-01T10:15:30+01:00\") }");
        assertThat(received.get()).isEqualTo(OffsetDateTime.parse("2026-12-01T10:15:30+01:00"));

        ExecutionResult result = graphQL.execute(graphql.ExecutionInput.newExecutionInput(
                "query Q($at: DateTime!) { echo(at: $at) }").variables(Map.of("at", "2026-12-01T09:15:30Z")));
        assertThat(result.getErrors()).isEmpty();
        assertThat(received.get()).isEqualTo(OffsetDateTime.parse("2026-12-01T09:15:30Z"));
    }

    @Test
    void refusesInputThatIsNotADateTime() {
        ExecutionResult result = graphQL.execute("{ echo(at: \"tomorrow\") }");
        assertThat(result.getErrors()).singleElement()
                .satisfies(error -> assertThat(error.getMessage()).contains("DateTime"));
        assertThat(received.get()).isNull();
    }

    private Map<String, Object> data(String query) {
        ExecutionResult result = graphQL.execute(query);
        assertThat(result.getErrors()).isEmpty();
        return result.getData();
    }
}
