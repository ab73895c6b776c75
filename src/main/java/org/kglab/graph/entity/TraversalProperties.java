package org.kglab.graph.entity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How far one read may go ({@code kglab.graph.*}): each traversal or search runs in one Neo4j transaction with
 * {@code traversalTimeout}, following at most {@code maxFanOut} relationships from any one entity per step.
 */
@ConfigurationProperties("kglab.graph")
record TraversalProperties(@Bindable(defaultValue = "5s") Duration traversalTimeout,
                           @Bindable(defaultValue = "100") int maxFanOut) {

    TraversalProperties {
        if (traversalTimeout.isNegative() || traversalTimeout.isZero() || maxFanOut < 1) {
            throw new IllegalArgumentException("kglab.graph.traversal-timeout and max-fan-out must be positive");
        }
    }
}
