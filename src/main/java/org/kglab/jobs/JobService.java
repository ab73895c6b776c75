package org.kglab.jobs;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Scope;
import org.kglab.platform.paging.Cursors;
import org.kglab.platform.paging.Page;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Jobs as users see them: queue, read, list, watch, cancel and retry. A user reaches only their own jobs;
 * an administrator reaches all. Anyone else's job is not found, never forbidden, so that ids reveal nothing.
 */
@Singleton
public class JobService {

    public static final int MAX_FIRST = 100;

    private final Jobs jobs;
    private final JobScheduler scheduler;
    private final List<JobWork> works;
    private final JobEvents events;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<JobQueued> queued;
    private final JobsProperties properties;
    private final Clock clock;

    JobService(Jobs jobs, JobScheduler scheduler, List<JobWork> works, JobEvents events,
               TransactionOperations<Connection> transactions, ApplicationEventPublisher<JobQueued> queued,
               JobsProperties properties, Clock clock) {
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.works = works;
        this.events = events;
        this.transactions = transactions;
        this.queued = queued;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Queues a job for the owner, in the caller's transaction if there is one: the job, its execution and
     * whatever the caller wrote commit together. Runners wake when it commits.
     */
    public Job queue(UUID ownerId, @Nullable UUID documentId, JobKind kind) {
        JobId id = JobId.random();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.executeWrite(status -> {
            jobs.insert(id.value(), ownerId, documentId, kind.name(), Math.max(1, properties.maxAttempts()), now);
            scheduler.queue(id, now);
            queued.publishEvent(new JobQueued(id));
            return jobs.find(id.value()).orElseThrow();
        });
    }

    /**
     * Records, as a DEAD job of the owner's, work that failed on every attempt before it could be queued (a feed
     * item whose page never came), so that its owner sees what failed and why beside their other jobs. It has no
     * document, and retrying it is refused.
     */
    public Job recordDead(UUID ownerId, JobKind kind, int attempts, String reason) {
        JobId id = JobId.random();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.executeWrite(status -> {
            jobs.insertDead(id.value(), ownerId, kind.name(), Math.max(1, attempts), Math.max(1, attempts), reason,
                    now);
            return jobs.find(id.value()).orElseThrow();
        });
    }

    /**
     * Queues a job of an {@link JobKind#exclusive exclusive} kind, unless one is under way (queued, running or
     * waiting to retry): then that one is the answer, and nothing is queued. Two requests at once, on any
     * instances, queue one job between them.
     */
    public Job queueExclusive(UUID ownerId, JobKind kind) {
        if (!kind.exclusive()) {
            throw new IllegalArgumentException("Jobs of kind " + kind + " may run side by side");
        }
        return transactions.executeWrite(status -> {
            jobs.lockKind(kind.name());
            return jobs.underWay(kind.name()).orElseGet(() -> queue(ownerId, null, kind));
        });
    }

    public Job get(Caller viewer, JobId id) {
        requireReadOrIngest(viewer);
        return jobs.findVisible(id.value(), viewer.id().value(), viewer.isAdmin())
                .orElseThrow(() -> new JobNotFound(id.toString()));
    }

    /** The most recent job of a document, if it has one (documents stored before jobs existed have none). */
    public @Nullable Job latestOfDocument(UUID documentId) {
        return jobs.latestOfDocument(documentId).orElse(null);
    }

    /** Newest first; {@code state} narrows the list when given. */
    public Page<Job> page(Caller viewer, int first, @Nullable String after, @Nullable JobState state) {
        requireReadOrIngest(viewer);
        if (first < 1 || first > MAX_FIRST) {
            throw new InvalidJobPage("'first' must be between 1 and " + MAX_FIRST + ", got " + first + ".");
        }
        Cursors.@Nullable TimeAndId position = after == null ? null : Cursors.timeAndId(after)
                .orElseThrow(() -> new InvalidJobPage("Invalid cursor. Pass the endCursor of a previous page."));
        List<Job> rows = jobs.page(viewer.id().value(), viewer.isAdmin(), state == null ? null : state.name(),
                position == null ? null : position.at(), position == null ? null : position.id(), first + 1);
        return Page.of(rows, first, job -> Cursors.encode(job.createdAt(), job.id()));
    }

    /**
     * Cancels a job that has not ended. A waiting job never runs; a running one stops at its next progress
     * report, and whatever it would have finished is not kept.
     */
    public Job cancel(Caller caller, JobId id) {
        caller.require(Scope.WRITE);
        Job after = transactions.executeWrite(status -> {
            Job job = lockVisible(caller, id);
            if (job.state().terminal()) {
                throw new JobStateConflict("Job " + id + " has already ended (" + job.state() + "); only a job "
                        + "that is queued, running or waiting to retry can be cancelled.");
            }
            String reason = "The ingestion was cancelled.";
            workFor(job).gaveUp(job, reason);
            jobs.finish(job.id(), JobState.CANCELLED.name(), job.stage().name(), job.percent(), reason, null,
                    clock.instant());
            return jobs.find(job.id()).orElseThrow();
        });
        scheduler.drop(id);
        events.publish(after);
        return after;
    }

    /** Runs a dead or cancelled job again from the start, with its attempts counted afresh. */
    public Job retry(Caller caller, JobId id) {
        caller.require(Scope.INGEST);
        Job after = transactions.executeWrite(status -> {
            Job job = lockVisible(caller, id);
            if (job.state() != JobState.DEAD && job.state() != JobState.CANCELLED) {
                throw new JobStateConflict("Job " + id + " is " + job.state() + "; only a DEAD or CANCELLED job "
                        + "can be retried.");
            }
            if (job.kind().ingestsADocument() && job.documentId() == null) {
                throw new JobStateConflict("Job " + id + " has no document to ingest: it was deleted, or the content "
                        + "was never accepted. There is nothing to run again.");
            }
            requireNoneUnderWay(job);
            jobs.requeue(job.id());
            Job requeued = jobs.find(job.id()).orElseThrow();
            workFor(job).requeued(requeued);
            scheduler.queue(id, clock.instant());
            queued.publishEvent(new JobQueued(id));
            return requeued;
        });
        events.publish(after);
        return after;
    }

    /**
     * The job now and at every change until it ends: changes made here as they commit, and a look at the row
     * every poll interval for changes made by another instance.
     */
    public Publisher<Job> watch(Caller viewer, JobId id) {
        Job current = get(viewer, id);
        if (current.state().terminal()) {
            return Flux.just(current);
        }
        Duration poll = scheduler.pollInterval().compareTo(Duration.ofSeconds(1)) < 0
                ? scheduler.pollInterval() : Duration.ofSeconds(1);
        Flux<Job> polled = Flux.interval(poll, Schedulers.boundedElastic())
                .concatMap(tick -> Flux.fromStream(jobs.find(id.value()).stream()));
        return Flux.concat(Flux.just(current), Flux.merge(events.of(id.value()), polled))
                .distinctUntilChanged(job -> List.of(job.state(), job.stage(), job.percent(), job.attempt(),
                        Objects.toString(job.error())))
                .takeUntil(job -> job.state().terminal());
    }

    /** A job is the receipt of an ingestion: an API key that may only ingest may still follow its own jobs. */
    private static void requireReadOrIngest(Caller caller) {
        if (!caller.scopes().contains(Scope.INGEST)) {
            caller.require(Scope.READ);
        }
    }

    /** Retrying a job of an exclusive kind must not start a second one beside the job under way. */
    private void requireNoneUnderWay(Job job) {
        if (job.kind().exclusive()) {
            jobs.lockKind(job.kind().name());
            jobs.underWay(job.kind().name()).ifPresent(other -> {
                throw new JobStateConflict("Job " + other.id() + " of kind " + job.kind() + " is under way ("
                        + other.state() + "); follow that one instead.");
            });
        }
    }

    private Job lockVisible(Caller caller, JobId id) {
        Job job = jobs.findForUpdate(id.value()).orElseThrow(() -> new JobNotFound(id.toString()));
        if (!job.ownerId().equals(caller.id().value()) && !caller.isAdmin()) {
            throw new JobNotFound(id.toString());
        }
        return job;
    }

    private JobWork workFor(Job job) {
        return works.stream().filter(w -> w.kinds().contains(job.kind())).findFirst()
                .orElseThrow(() -> new IllegalStateException("Nothing runs jobs of kind " + job.kind()));
    }
}
