package org.kglab.jobs;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kglab.platform.EmbeddedNeo4j;
import org.kglab.platform.StorageProperties;
import org.kglab.support.Api;
import org.kglab.support.Eventually;
import org.kglab.support.Fixtures;
import org.kglab.support.IntegrationTest;
import org.kglab.support.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety with real processes: the service's jar, started as separate runners on this test's database, data
 * directory and graph (this JVM queues jobs but runs none). A runner killed with SIGKILL in the middle of a job
 * leaves it RUNNING; another runner takes it over and finishes it, with one document and one outbox entry. Two
 * runners on one database share a batch of jobs, each run exactly once.
 */
@MicronautTest(transactional = false)
class CrashRecoveryIT extends IntegrationTest {

    private static final Path JAR = Path.of("target/kglab-backend.jar");

    @Inject
    EmbeddedNeo4j neo4j;

    @Inject
    StorageProperties storage;

    private final List<Process> runners = new ArrayList<>();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kglab.jobs.enabled", "false");
    }

    @AfterEach
    void stopRunners() {
        runners.forEach(Process::destroyForcibly);
        runners.forEach(p -> p.onExit().join());
        runners.clear();
    }

    @Test
    void aJobInterruptedByKillNineIsFinishedByTheNextRunner() throws Exception {
        Api.Reply reply = api.upload("long.pdf", Fixtures.largePdf(2_000_000));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        String jobId = reply.json().read("$.jobId");

        Process first = startRunner("first");
        Eventually.await("the first runner extracting", Duration.ofSeconds(120), () -> stores.count(
                "SELECT count(*) FROM ingestion_jobs WHERE id = '" + jobId + "' AND state = 'RUNNING' "
                        + "AND stage = 'EXTRACTING'") == 1);
        first.destroyForcibly();
        first.onExit().join();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(stores.count("SELECT count(*) FROM ingestion_jobs WHERE state = 'RUNNING'")).isEqualTo(1);

        startRunner("second");
        var ended = api.awaitJobEnd(jobId, Duration.ofSeconds(180));
        assertThat(ended.<String>read("$.state")).isEqualTo("SUCCEEDED");
        assertThat(ended.<Integer>read("$.attempt")).isEqualTo(2);
        assertThat(api.documentStatus(reply.json().read("$.documentId"))).isEqualTo("READY");
        assertThat(stores.count("SELECT count(*) FROM documents")).isEqualTo(1);
        // One entry for the document and one for its chunks: the killed attempt wrote none.
        assertThat(stores.count("SELECT count(*) FROM outbox")).isEqualTo(2);
        assertThat(stores.count("SELECT count(*) FROM scheduled_tasks")).isZero();
    }

    @Test
    void twoRunnersOnOneDatabaseRunEachJobOnce() {
        startRunner("one");
        startRunner("two");
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            jobs.add(api.upload("note-" + i + ".md", Fixtures.text("# Note " + i + "\n\nShared work.")).json()
                    .read("$.jobId"));
        }
        for (String job : jobs) {
            var ended = api.awaitJobEnd(job, Duration.ofSeconds(180));
            assertThat(ended.<String>read("$.state")).isEqualTo("SUCCEEDED");
            assertThat(ended.<Integer>read("$.attempt")).as("run exactly once").isEqualTo(1);
        }
        assertThat(stores.count("SELECT count(*) FROM documents WHERE status = 'READY'")).isEqualTo(8);
        // Each document's entry and its chunks' entry, once.
        assertThat(stores.count("SELECT count(*) FROM outbox")).isEqualTo(16);
    }

    /** The service's jar as another instance: same database, files and graph; jobs only, on a port of its own. */
    private Process startRunner(String name) {
        assertThat(JAR).as("the service jar, built by the package phase").exists();
        Path home = dataDir.resolve("runner-" + name);
        try {
            Files.createDirectories(home.resolve("tmp"));
            String java = ProcessHandle.current().info().command().orElse("java");
            var builder = new ProcessBuilder(java, "-Xmx512m", "--enable-native-access=ALL-UNNAMED",
                    "--sun-misc-unsafe-memory-access=allow", "-Duser.home=" + home,
                    "-Djava.io.tmpdir=" + home.resolve("tmp"), "-jar", JAR.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("service.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("KGLAB_DB_URL", TestDatabase.url());
            env.put("KGLAB_DB_USER", TestDatabase.user());
            env.put("KGLAB_DATA_DIR", storage.dataDir().toString());
            env.put("KGLAB_NEO4J_URI", neo4j.boltUri());
            env.put("KGLAB_NEO4J_PASSWORD", Files.readString(storage.neo4jPassword()).strip());
            env.put("MICRONAUT_SERVER_PORT", String.valueOf(freePort()));
            env.put("KGLAB_JOBS_POLL_INTERVAL", "200ms");
            env.put("KGLAB_JOBS_HEARTBEAT_INTERVAL", "1s");
            Process process = builder.start();
            runners.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
