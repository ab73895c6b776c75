package org.kglab.graph;

import jakarta.inject.Singleton;

import org.kglab.platform.ClasspathResources;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Constraints and indexes from {@code neo4j/schema.cypher}. Applied before the first projection
 * rather than at start, so that the service starts (and reports itself unhealthy) while an
 * external Neo4j is still down.
 */
@Singleton
public final class GraphSchema {

    private static final String RESOURCE = "neo4j/schema.cypher";

    private final GraphStore store;
    private final List<String> statements;
    private volatile boolean applied;

    GraphSchema(GraphStore store) {
        this.store = store;
        this.statements = parse(ClasspathResources.text(RESOURCE));
    }

    public void ensureApplied() {
        if (!applied) {
            synchronized (this) {
                if (!applied) {
                    store.applySchema(statements);
                    applied = true;
                }
            }
        }
    }

    /** Statements end with ';'; lines starting with '//' are comments. */
    static List<String> parse(String script) {
        return Arrays.stream(script.split(";"))
                .map(s -> s.lines().filter(l -> !l.strip().startsWith("//")).collect(Collectors.joining("\n")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
