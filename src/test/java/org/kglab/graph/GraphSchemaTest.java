package org.kglab.graph;

import org.junit.jupiter.api.Test;
import org.kglab.platform.ClasspathResources;

import static org.assertj.core.api.Assertions.assertThat;

class GraphSchemaTest {

    @Test
    void splitsStatementsAndDropsComments() {
        String script = """
                // constraints first
                CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE;

                // then indexes
                CREATE INDEX b IF NOT EXISTS
                FOR (n:B) ON (n.name);
                """;
        assertThat(GraphSchema.parse(script)).containsExactly(
                "CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE",
                "CREATE INDEX b IF NOT EXISTS\nFOR (n:B) ON (n.name)");
    }

    @Test
    void shipsOnlyIdempotentStatements() {
        assertThat(GraphSchema.parse(ClasspathResources.text("neo4j/schema.cypher")))
                .isNotEmpty()
                .allSatisfy(statement -> assertThat(statement).startsWith("CREATE ").contains("IF NOT EXISTS"));
    }
}
