package org.kglab.jobs;

import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Job changes made by this instance, as they commit, for whoever watches a job here. A job run by another
 * instance is seen by polling instead ({@link JobService#watch}).
 */
@Singleton
final class JobEvents {

    private final Map<UUID, Set<FluxSink<Job>>> watchers = new ConcurrentHashMap<>();

    void publish(Job job) {
        Set<FluxSink<Job>> sinks = watchers.get(job.id());
        if (sinks != null) {
            sinks.forEach(sink -> sink.next(job));
        }
    }

    Flux<Job> of(UUID id) {
        return Flux.create(sink -> {
            watchers.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(sink);
            sink.onDispose(() -> watchers.computeIfPresent(id, (k, sinks) -> {
                sinks.remove(sink);
                return sinks.isEmpty() ? null : sinks;
            }));
        });
    }
}
