package org.kglab.sync;

import jakarta.inject.Singleton;
import org.kglab.graph.GraphProjection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every graph projection in the application, by the aggregate type it applies; sync names none of them. */
@Singleton
final class Projections {

    private final Map<String, GraphProjection> byType;

    Projections(List<GraphProjection> projections) {
        this.byType = projections.stream().collect(Collectors.toUnmodifiableMap(GraphProjection::aggregateType,
                Function.identity(), (a, b) -> {
                    throw new IllegalStateException("Two projections apply '" + a.aggregateType() + "': "
                            + a.getClass().getName() + " and " + b.getClass().getName());
                }));
    }

    Set<String> types() {
        return byType.keySet();
    }

    Optional<GraphProjection> of(String aggregateType) {
        return Optional.ofNullable(byType.get(aggregateType));
    }
}
