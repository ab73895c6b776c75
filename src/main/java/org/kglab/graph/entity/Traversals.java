package org.kglab.graph.entity;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Breadth-first traversals over {@link TraversalStore} steps, all in one read transaction: the nearest entities
 * first, each reached once, the frontier of each step bounded so that the work of a step is too.
 */
@Singleton
final class Traversals {

    static final int MAX_NEIGHBOR_DEPTH = 3;
    static final int MAX_SUBGRAPH_DEPTH = 2;
    static final int MAX_FRONTIER = 500;

    private final TraversalStore store;

    Traversals(TraversalStore store) {
        this.store = store;
    }

    List<Neighbor> neighbors(UUID viewer, EntityId id, int depth, List<String> types, Direction direction,
                             int first) {
        return store.traverse(steps -> {
            requireSeeds(steps.visibleSeeds(viewer, List.of(id.toString())), List.of(id));
            var reached = new Reached(List.of(id));
            List<String> frontier = List.of(id.toString());
            for (int distance = 1; distance <= depth && !frontier.isEmpty() && reached.size() < first; distance++) {
                frontier = reached.add(steps.step(viewer, frontier, types, direction), distance, Integer.MAX_VALUE);
            }
            return reached.neighbors().stream()
                    .sorted(Comparator.comparingInt(Neighbor::distance)
                            .thenComparing(n -> n.entity().normalisedName())
                            .thenComparing(n -> n.entity().id().toString()))
                    .limit(first)
                    .toList();
        });
    }

    java.util.Optional<EntityPath> shortestPath(UUID viewer, EntityId from, EntityId to, int maxDepth,
                                                List<String> types) {
        return store.shortestPath(viewer, from, to, maxDepth, types);
    }

    Subgraph subgraph(UUID viewer, List<EntityId> seeds, int depth, List<String> types, int limit) {
        return store.traverse(steps -> {
            List<Entity> found = steps.visibleSeeds(viewer, seeds.stream().map(EntityId::toString).toList());
            requireSeeds(found, seeds);
            Map<EntityId, Entity> nodes = new LinkedHashMap<>();
            found.stream().limit(limit).forEach(e -> nodes.put(e.id(), e));
            var reached = new Reached(nodes.keySet());
            List<String> frontier = nodes.keySet().stream().map(EntityId::toString).toList();
            List<Relationship> followed = new ArrayList<>();
            for (int distance = 1; distance <= depth && !frontier.isEmpty(); distance++) {
                List<TraversalStore.Hop> hops = steps.step(viewer, frontier, types, Direction.BOTH);
                hops.forEach(hop -> followed.add(hop.relationship()));
                frontier = reached.add(hops, distance, limit - nodes.size());
                reached.neighbors().forEach(n -> nodes.putIfAbsent(n.entity().id(), n.entity()));
            }
            return shape(nodes, followed);
        });
    }

    private static Subgraph shape(Map<EntityId, Entity> nodes, List<Relationship> followed) {
        Set<java.util.UUID> edgeIds = new HashSet<>();
        List<Subgraph.Edge> edges = followed.stream()
                .filter(r -> nodes.containsKey(r.source()) && nodes.containsKey(r.target()) && edgeIds.add(r.id()))
                .map(r -> new Subgraph.Edge(r.id().toString(), r.source().toString(), r.target().toString(), r.type()))
                .toList();
        return new Subgraph(nodes.values().stream()
                .map(e -> new Subgraph.Node(e.id().toString(), e.name(), e.type())).toList(), edges);
    }

    private static void requireSeeds(List<Entity> found, List<EntityId> asked) {
        Set<EntityId> seen = new HashSet<>(found.stream().map(Entity::id).toList());
        asked.stream().filter(id -> !seen.contains(id)).findFirst().ifPresent(id -> {
            throw new EntityNotFound("No entity " + id + ".");
        });
    }

    /** The entities reached so far, each at its fewest steps. */
    private static final class Reached {

        private final Set<EntityId> seen;
        private final List<Neighbor> neighbors = new ArrayList<>();

        Reached(java.util.Collection<EntityId> start) {
            this.seen = new HashSet<>(start);
        }

        /** @return the next frontier: the entities first reached by these hops, at most {@code room} of them */
        List<String> add(List<TraversalStore.Hop> hops, int distance, int room) {
            List<String> next = new ArrayList<>();
            for (TraversalStore.Hop hop : hops) {
                if (next.size() >= room) {
                    break;
                }
                if (seen.add(hop.reached().id())) {
                    neighbors.add(new Neighbor(hop.reached(), distance));
                    next.add(hop.reached().id().toString());
                }
            }
            return next.size() > MAX_FRONTIER ? next.subList(0, MAX_FRONTIER) : next;
        }

        int size() {
            return neighbors.size();
        }

        List<Neighbor> neighbors() {
            return neighbors;
        }
    }
}
