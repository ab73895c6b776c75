package org.kglab.jobs;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.platform.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one attempt of a job: claims it (counting the attempt), runs its work, and records the outcome in the
 * same transaction as the work's own last change. A failure that retrying cannot fix ends the job at once; any
 * other is retried with backoff while attempts remain.
 */
@Singleton
final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    /** Failures that say something about the content itself: trying again gives the same answer. */
    private static final Set<Failure.Kind> PERMANENT = EnumSet.of(Failure.Kind.UNPROCESSABLE,
            Failure.Kind.UNSUPPORTED_MEDIA_TYPE, Failure.Kind.PAYLOAD_TOO_LARGE, Failure.Kind.BAD_REQUEST,
            Failure.Kind.NOT_FOUND);

    private final Jobs jobs;
    private final List<JobWork> works;
    private final TransactionOperations<Connection> transactions;
    private final JobEvents events;
    private final JobsProperties properties;
    private final Clock clock;

    JobRunner(Jobs jobs, List<JobWork> works, TransactionOperations<Connection> transactions, JobEvents events,
              JobsProperties properties, Clock clock) {
        this.jobs = jobs;
        this.works = works;
        this.transactions = transactions;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    void run(JobId id) {
        Optional<Job> claimed = transactions.executeWrite(status -> claim(id));
        claimed.ifPresent(events::publish);
        if (claimed.isEmpty() || claimed.get().state() != JobState.RUNNING) {
            return;
        }
        Job job = claimed.get();
        JobWork work = workFor(job);
        try {
            work.run(job, new StoredProgress(id, (stage, percent) -> report(job, stage, percent),
                    work.singleStage()));
            // The last change of the work and SUCCEEDED commit together; if that fails, the attempt failed.
            succeeded(job, work);
        } catch (JobCancelled e) {
            LOG.info("Job {} stopped: it was cancelled", id);
        } catch (RetryLater e) {
            throw e;
        } catch (RuntimeException e) {
            failed(job, work, e);
        }
    }

    /** The job, RUNNING with one more attempt counted; or ended, if no attempt is left; empty if not runnable. */
    private Optional<Job> claim(JobId id) {
        Optional<Job> found = jobs.findForUpdate(id.value());
        if (found.isEmpty() || found.get().state().terminal()) {
            return Optional.empty();
        }
        Job job = found.get();
        if (job.attempt() >= job.maxAttempts()) {
            // Only a runner that died mid-attempt leaves a job here: that was its last attempt.
            String reason = "The service stopped during the last of " + job.maxAttempts() + " attempts.";
            workFor(job).gaveUp(job, reason);
            jobs.finish(job.id(), JobState.DEAD.name(), job.stage().name(), job.percent(), reason, null, now());
        } else {
            jobs.start(job.id(), now());
        }
        return jobs.find(id.value());
    }

    private boolean report(Job job, Stage stage, int percent) {
        boolean running = jobs.progress(job.id(), stage.name(), percent) == 1;
        jobs.find(job.id()).ifPresent(events::publish);
        return running;
    }

    private void succeeded(Job job, JobWork work) {
        Job after = transactions.executeWrite(status -> {
            Job current = jobs.findForUpdate(job.id()).orElseThrow();
            if (current.state() == JobState.QUEUED) {
                // Cancelled and queued again while this attempt ran: the new run starts afresh.
                throw new RetryLater(now(), new IllegalStateException("requeued"));
            }
            if (current.state() != JobState.RUNNING) {
                return current;
            }
            work.succeeded(current);
            jobs.finish(job.id(), JobState.SUCCEEDED.name(), Stage.DONE.name(), 100, null, null, now());
            return jobs.find(job.id()).orElseThrow();
        });
        events.publish(after);
    }

    private void failed(Job job, JobWork work, RuntimeException e) {
        boolean permanent = e instanceof Failure f && PERMANENT.contains(f.kind());
        String reason = reasonOf(e);
        if (!permanent) {
            LOG.warn("Attempt {} of {} of job {} failed", job.attempt(), job.maxAttempts(), job.id(), e);
        }
        boolean last = permanent || job.attempt() >= job.maxAttempts();
        @Nullable Instant retryAt = last ? null : now().plus(properties.backoff(job.attempt()));
        Job after = transactions.executeWrite(status -> {
            Job current = jobs.findForUpdate(job.id()).orElseThrow();
            if (current.state() != JobState.RUNNING) {
                return current;
            }
            if (last) {
                String told = permanent ? reason : reason + " (gave up after " + job.attempt() + " attempts)";
                work.gaveUp(current, told);
                jobs.finish(job.id(), JobState.DEAD.name(), current.stage().name(), current.percent(), told, null,
                        now());
            } else {
                jobs.finish(job.id(), JobState.FAILED.name(), current.stage().name(), current.percent(), reason,
                        retryAt, null);
            }
            return jobs.find(job.id()).orElseThrow();
        });
        events.publish(after);
        if (after.state() == JobState.FAILED && retryAt != null) {
            throw new RetryLater(retryAt, e);
        }
    }

    /** What the user reads: a failure's own sentence; anything unexpected stays in the log. */
    private static String reasonOf(RuntimeException e) {
        if (e instanceof Failure f && f.getMessage() != null) {
            return f.getMessage();
        }
        return "The attempt failed unexpectedly; it is retried while attempts remain.";
    }

    private JobWork workFor(Job job) {
        return works.stream().filter(w -> w.kinds().contains(job.kind())).findFirst()
                .orElseThrow(() -> new IllegalStateException("Nothing runs jobs of kind " + job.kind()));
    }

    private Instant now() {
        return clock.instant();
    }
}
