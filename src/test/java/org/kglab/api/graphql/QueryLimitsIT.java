package org.kglab.api.graphql;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.jayway.jsonpath.DocumentContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.kglab.support.IntegrationTest;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The limits and error shapes the API promises, at the stated numbers. */
@MicronautTest(transactional = false)
class QueryLimitsIT extends IntegrationTest {

    private static final Pattern REFERENCE = Pattern.compile(
            "Internal error\\. Quote reference ([0-9a-f-]{36}) when reporting it\\.");

    @Test
    void answersAQueryThatCostsExactlyTheLimitOfOneThousandFields() {
        DocumentContext reply = api.graphqlText(queryOfCost(1_000), Map.of());

        assertThat(reply.<Object>read("$.errors")).as(reply.jsonString()).isNull();
        assertThat(reply.<String>read("$.data.me.id")).isEqualTo(owner.userId().toString());
    }

    @Test
    void refusesAQueryThatCostsOneFieldMoreThanTheLimit() {
        DocumentContext reply = api.graphqlText(queryOfCost(1_001), Map.of());

        assertThat(reply.<String>read("$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
        assertThat(reply.<String>read("$.errors[0].message")).isEqualTo("maximum query complexity exceeded 1001 > 1000");
        assertThat(reply.<Object>read("$.data")).isNull();
    }

    @Test
    void anInternalErrorCarriesAReferenceThatIsLoggedWithTheCauseAndShowsNoInternals() {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var logger = (Logger) LoggerFactory.getLogger(GraphQLErrors.class);
        logger.addAppender(appender);
        stores.sql("ALTER TABLE documents RENAME TO documents_out_of_reach");
        DocumentContext reply;
        try {
            reply = api.graphql("documents", Map.of("first", 5));
        } finally {
            stores.sql("ALTER TABLE documents_out_of_reach RENAME TO documents");
            logger.detachAppender(appender);
        }

        assertThat(reply.<String>read("$.errors[0].extensions.classification")).isEqualTo("INTERNAL");
        String message = reply.read("$.errors[0].message");
        Matcher reference = REFERENCE.matcher(message);
        assertThat(reference.matches()).as(message).isTrue();
        assertThat(reply.jsonString()).doesNotContain("documents_out_of_reach", "relation", "SQL", "Exception",
                "at org.", "at java.");
        assertThat(appender.list).anySatisfy(event -> {
            assertThat(event.getFormattedMessage()).contains(reference.group(1));
            assertThat(event.getThrowableProxy()).isNotNull();
        });
    }

    /**
     * {@code me { id }} costs two fields (me and id), and every repetition of {@code id} one more: the cost
     * counts the fields asked for, even where GraphQL merges them into one answer. Repeating a field needs
     * no alias, so the alias and root-field limits stay out of the way of this one.
     */
    private static String queryOfCost(int cost) {
        return "{ me { " + "id ".repeat(cost - 1) + "} }";
    }
}
