package org.kglab.graph.entity;

import org.junit.jupiter.api.Test;
import org.kglab.platform.Failure;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** How the server's refusals reach callers: as failures with a kind and a sentence, never as driver exceptions. */
class EntityTransactionsTest {

    @Test
    void aTransactionOverItsTimeLimitAsksForLess() {
        RuntimeException failure = EntityTransactions.translated(new ClientException(
                "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", "timed out"), Duration.ofSeconds(5));
        assertThat(failure).isInstanceOf(TraversalTooLarge.class).hasMessageContaining("5000 ms")
                .hasMessageContaining("smaller depth");
        assertThat(((Failure) failure).kind()).isEqualTo(Failure.Kind.BAD_REQUEST);
    }

    @Test
    void aBrokenUniquenessConstraintIsAConflict() {
        RuntimeException failure = EntityTransactions.translated(new ClientException(
                "Neo.ClientError.Schema.ConstraintValidationFailed", "already exists"), Duration.ZERO);
        assertThat(failure).isInstanceOf(EntityConflict.class).hasMessageContaining("mergeEntities");
    }

    @Test
    void anUnreachableOrBusyServerIsUnavailable() {
        assertThat(EntityTransactions.translated(new ServiceUnavailableException("down"), Duration.ZERO))
                .isInstanceOf(GraphDown.class);
        assertThat(EntityTransactions.translated(new TransientException(
                "Neo.TransientError.Transaction.DeadlockDetected", "deadlock"), Duration.ZERO))
                .isInstanceOf(GraphDown.class);
    }

    @Test
    void anythingElseStaysTheBugItIs() {
        var syntax = new ClientException("Neo.ClientError.Statement.SyntaxError", "bad");
        assertThat(EntityTransactions.translated(syntax, Duration.ZERO)).isSameAs(syntax);
    }
}
