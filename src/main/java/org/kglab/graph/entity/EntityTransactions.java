package org.kglab.graph.entity;

import jakarta.inject.Singleton;
import org.kglab.graph.GraphSchema;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

import java.time.Duration;

/**
 * Managed Neo4j transactions for the entity stores, with the schema in place first and the server's refusals
 * turned into failures a caller can act on: a broken uniqueness constraint is a conflict, a transaction over its
 * time limit a traversal too large, an unreachable server unavailable.
 */
@Singleton
final class EntityTransactions {

    private static final String TIMED_OUT = "Neo.ClientError.Transaction.TransactionTimedOut";
    private static final String CONSTRAINT = "Neo.ClientError.Schema.ConstraintValidationFailed";
    private static final String AWAIT_INDEXES = "CALL db.awaitIndexes(60)";

    private final Driver driver;
    private final GraphSchema schema;
    private volatile boolean indexesOnline;

    EntityTransactions(Driver driver, GraphSchema schema) {
        this.driver = driver;
        this.schema = schema;
    }

    <T> T write(TransactionCallback<T> work) {
        ready();
        try (var session = driver.session(SessionConfig.defaultConfig())) {
            return session.executeWrite(work);
        } catch (Neo4jException e) {
            throw translated(e, Duration.ZERO);
        }
    }

    <T> T read(Duration timeout, TransactionCallback<T> work) {
        ready();
        try (var session = driver.session(SessionConfig.defaultConfig())) {
            return session.executeRead(work, TransactionConfig.builder().withTimeout(timeout).build());
        } catch (Neo4jException e) {
            throw translated(e, timeout);
        }
    }

    /** The full-text index must be online before the first search, or the search fails rather than waits. */
    private void ready() {
        schema.ensureApplied();
        if (!indexesOnline) {
            try (var session = driver.session(SessionConfig.defaultConfig())) {
                session.run(AWAIT_INDEXES).consume();
            } catch (Neo4jException e) {
                throw translated(e, Duration.ZERO);
            }
            indexesOnline = true;
        }
    }

    static RuntimeException translated(Neo4jException e, Duration timeout) {
        if (e instanceof ServiceUnavailableException || e instanceof SessionExpiredException) {
            return new GraphDown("Neo4j is unavailable: " + e.getMessage(), e);
        }
        String code = e.code();
        if (code.startsWith(TIMED_OUT) || (e instanceof TransientException && code.contains("TransactionTimedOut"))) {
            return new TraversalTooLarge("The graph query ran longer than its limit of " + timeout.toMillis()
                    + " ms. Ask for less: a smaller depth, fewer relationship types or a smaller limit.");
        }
        if (e instanceof ClientException && code.equals(CONSTRAINT)) {
            return new EntityConflict("Another of your entities already has this key, or this type and name. "
                    + "Merge the two with mergeEntities, or choose another name.");
        }
        if (e instanceof TransientException) {
            return new GraphDown("Neo4j could not complete the request now; try again: " + e.getMessage(), e);
        }
        return e;
    }
}
