package org.kglab.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * db-scheduler, run with the service: one one-time task per job, named by the job id. Executions are queued
 * through the service's transaction-aware DataSource, so that a job and its execution commit together; the
 * scheduler itself polls on plain connections. A runner that stops sending heartbeats (a crash, a
 * {@code kill -9}) has its jobs picked up again by whichever instance notices first.
 */
// Not final: the after-commit listener is applied through a proxy.
@Singleton
class JobScheduler {

    static final String TASK = "ingestion-job";
    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

    private final OneTimeTask<Void> task;
    private final Scheduler scheduler;
    private final SchedulerClient inTransaction;
    private final JobsProperties properties;
    private final Clock clock;

    JobScheduler(DataSource dataSource, JobRunner runner, JobsProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.task = Tasks.oneTime(TASK)
                .onFailure((complete, operations) -> operations.reschedule(complete, complete.getCause()
                        .filter(RetryLater.class::isInstance).map(c -> ((RetryLater) c).at())
                        .orElseGet(() -> clock.instant().plus(properties.backoffMax()))))
                // The default, said out loud: a job whose runner died runs again, and counts an attempt.
                .onDeadExecutionRevive()
                .execute((instance, context) -> runner.run(new JobId(UUID.fromString(instance.getId()))));
        // Said, not detected: detection opens a connection, and a transaction-aware one has none outside a transaction.
        var postgres = new PostgreSqlJdbcCustomization(false, true);
        this.scheduler = Scheduler.create(DelegatingDataSource.unwrapDataSource(dataSource), task)
                .jdbcCustomization(postgres)
                .schedulerName(new SchedulerName.Fixed(instanceName()))
                .threads(Math.max(1, properties.threads()))
                .pollingInterval(properties.pollInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .shutdownMaxWait(properties.shutdownWait())
                .clock(clock::instant)
                .enableImmediateExecution()
                .build();
        this.inTransaction = SchedulerClient.Builder.create(dataSource, task).jdbcCustomization(postgres).build();
    }

    @EventListener
    void start(StartupEvent event) {
        if (properties.enabled()) {
            scheduler.start();
        }
    }

    @PreDestroy
    void stop() {
        if (properties.enabled()) {
            // Waits for running jobs up to shutdownWait; what is still running then is picked up again later.
            scheduler.stop();
        }
    }

    /** Stops starting jobs (running ones go on), for maintenance; queued jobs wait until {@link #resume}. */
    void pause() {
        scheduler.pause();
    }

    void resume() {
        scheduler.resume();
        scheduler.triggerCheckForDueExecutions();
    }

    /** Queues the job's execution in the caller's transaction. */
    void queue(JobId id, Instant at) {
        inTransaction.scheduleIfNotExists(task.instance(id.toString()), at);
    }

    /** Drops a job's waiting execution, if it is not running; a running one sees the cancellation itself. */
    void drop(JobId id) {
        try {
            scheduler.cancel(TaskInstanceId.of(TASK, id.toString()));
        } catch (RuntimeException e) {
            LOG.debug("Execution of job {} not dropped: {}", id, e.getMessage());
        }
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void on(JobQueued event) {
        if (properties.enabled()) {
            scheduler.triggerCheckForDueExecutions();
        }
    }

    Duration pollInterval() {
        return properties.pollInterval();
    }

    Instant now() {
        return clock.instant();
    }

    /** Unique per process, so that two instances on one host are told apart in the scheduler's table. */
    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
