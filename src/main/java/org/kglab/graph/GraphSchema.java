package org.kglab.graph;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

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
        this.statements = load();
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

    private static List<String> load() {
        try (InputStream in = GraphSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(script.split(";"))
                    .map(s -> s.lines().filter(l -> !l.strip().startsWith("//")).reduce("", (a, b) -> a + "\n" + b))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
