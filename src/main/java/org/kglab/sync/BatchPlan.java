package org.kglab.sync;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Orders a claimed batch for one graph transaction (docs/adr/0003). Each aggregate's changes keep their order:
 * its k-th change goes into stage k, so a stage holds at most one change per aggregate and can be applied as one
 * statement per type. Of consecutive changes of one type to one aggregate only the last is kept: projections
 * apply whole states and are idempotent by revision, so the earlier ones would be overwritten anyway.
 */
final class BatchPlan {

    private BatchPlan() {
    }

    /**
     * @param ordered changes in the order they were appended
     * @return the stages, each in append order
     */
    static <T> List<List<T>> stages(List<T> ordered, Function<T, UUID> aggregateId, Function<T, String> type) {
        Map<UUID, List<T>> byAggregate = new LinkedHashMap<>();
        for (T change : ordered) {
            List<T> changes = byAggregate.computeIfAbsent(aggregateId.apply(change), id -> new ArrayList<>());
            if (!changes.isEmpty() && type.apply(changes.getLast()).equals(type.apply(change))) {
                changes.set(changes.size() - 1, change);
            } else {
                changes.add(change);
            }
        }
        Map<T, Integer> stageOf = new IdentityHashMap<>();
        byAggregate.values().forEach(changes -> {
            for (int stage = 0; stage < changes.size(); stage++) {
                stageOf.put(changes.get(stage), stage);
            }
        });
        List<List<T>> stages = new ArrayList<>();
        for (T change : ordered) {
            Integer stage = stageOf.get(change);
            if (stage != null) {
                while (stages.size() <= stage) {
                    stages.add(new ArrayList<>());
                }
                stages.get(stage).add(change);
            }
        }
        return stages;
    }
}
