package org.kglab.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The phases of a reconcile run, in order: every aggregate type's rows (PostgreSQL → graph: missing or unequal
 * nodes), then every type's nodes (graph → PostgreSQL: nodes without a live row), then chunks that no document holds.
 * Types go in name order, so that a document's repair is appended before its chunk set's ("document" <
 * "document-chunks") and applies first.
 */
final class ReconcilePlan {

    enum Kind { ROWS, NODES, STRAYS }

    /** One phase; {@code aggregateType} is empty for {@link Kind#STRAYS}. */
    record Phase(Kind kind, String aggregateType) {

        String name() {
            return kind == Kind.STRAYS ? "strays" : kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + aggregateType;
        }
    }

    private final List<Phase> phases;

    /** @param aggregateTypes the types that both a source and a projection know */
    ReconcilePlan(Collection<String> aggregateTypes) {
        List<String> types = aggregateTypes.stream().sorted().distinct().toList();
        List<Phase> all = new ArrayList<>();
        types.forEach(t -> all.add(new Phase(Kind.ROWS, t)));
        types.forEach(t -> all.add(new Phase(Kind.NODES, t)));
        all.add(new Phase(Kind.STRAYS, ""));
        this.phases = List.copyOf(all);
    }

    Phase first() {
        return phases.getFirst();
    }

    /**
     * The phase of this name; the first if none has it any more (the types changed since the run began), so that
     * the run checks everything again rather than skipping a type.
     */
    Phase phase(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst().orElse(first());
    }

    /** The phase after this one; empty after the last. */
    Optional<Phase> next(Phase phase) {
        int at = phases.indexOf(phase);
        return at < 0 || at + 1 >= phases.size() ? Optional.empty() : Optional.of(phases.get(at + 1));
    }

    List<Phase> phases() {
        return phases;
    }
}
