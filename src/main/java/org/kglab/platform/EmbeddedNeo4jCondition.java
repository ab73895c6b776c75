package org.kglab.platform;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/** True when no external Neo4j URI is configured. */
final class EmbeddedNeo4jCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context) {
        return context.getBean(Neo4jProperties.class).embedded();
    }
}
