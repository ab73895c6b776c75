package org.kglab.graph.entity;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every {@link EntitiesChanged} the service publishes, in order. */
@Singleton
final class RecordedChanges {

    private final List<EntitiesChanged> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(EntitiesChanged event) {
        events.add(event);
    }

    List<EntitiesChanged> events() {
        return List.copyOf(events);
    }

    void clear() {
        events.clear();
    }
}
