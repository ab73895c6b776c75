package org.kglab.jobs;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety with real processes: the service's jar, started as separate runners on this test's database, data
 * directory and graph (this JVM queues jobs but runs none). A runner killed with SIGKILL in the middle of a job,
 * in any stage, leaves it RUNNING; another runner takes it over and finishes it, with one document, one whole set
 * of chunks and one outbox entry for each. Two runners on one database share a batch of jobs, each run exactly
 * once.
 */
@MicronautTest(transactional = false)
// In this order the runner that finishes the killed jobs is one of the two that then share work: a start saved.
@TestMethodOrder(MethodOrderer.MethodName.class)
class CrashRecoveryIT extends IntegrationTest {

    private static final Path JAR = Path.of("target/kglab-backend.jar");

    @Inject
    EmbeddedNeo4j neo4j;

    @Inject
    StorageProperties storage;

    private final List<Process> runners = new ArrayList<>();
    private final List<StageHold> holds = new ArrayList<>();
    private int started;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kglab.jobs.enabled", "false");
    }

    @AfterEach
    void releaseHolds() throws SQLException {
        for (StageHold hold : holds) {
            hold.close();
        }
        holds.clear();
    }

    @AfterAll
    void stopRunners() {
        runners.forEach(Process::destroyForcibly);
        runners.forEach(p -> p.onExit().join());
        runners.clear();
    }

    /**
     * One runner is killed while four jobs are each inside another stage (the PDF's extraction process is reading
     * it; chunks are cut; chunks are being embedded; near-duplicates are recorded but the document is not READY),
     * each kept there by {@link StageHold}. The next runner finishes all four: one document each, one whole set of
     * embedded chunks each, and the graph holds exactly that set.
     */
    @Test
    void jobsKilledInEveryStageAreFinishedByTheNextRunner() throws Exception {
        // No runner until every job is held: one already running could be past a stage before its hold begins.
        runners(0);
        Map<String, Upload> byStage = new LinkedHashMap<>();
        byStage.put("EXTRACTING", upload("long.pdf", Fixtures.largePdf(60_000)));
        for (String stage : List.of("CHUNKING", "EMBEDDING", "PROJECTING")) {
            byStage.put(stage, upload(stage.toLowerCase(Locale.ROOT) + ".md", essay(stage)));
        }
        byStage.forEach((stage, upload) -> holds.add(StageHold.of(upload.jobId(), stage)));

        Process first = runners(1).getFirst();
        for (StageHold hold : holds) {
            hold.awaitHeld(180);
        }
        first.destroyForcibly();
        first.onExit().join();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        for (StageHold hold : holds) {
            assertThat(hold.read()).as("the job the runner left in " + hold.stage())
                    .containsExactly(hold.stage(), "RUNNING");
            hold.close();
        }
        holds.clear();

        runners(1);
        byStage.forEach((stage, upload) -> {
            var ended = api.awaitJobEnd(upload.jobId(), Duration.ofSeconds(180));
            assertThat(ended.<String>read("$.state")).as(stage).isEqualTo("SUCCEEDED");
            assertThat(ended.<Integer>read("$.attempt")).as(stage).isEqualTo(2);
            assertThat(api.documentStatus(upload.documentId())).as(stage).isEqualTo("READY");
        });
        assertThat(stores.count("SELECT count(*) FROM documents")).isEqualTo(byStage.size());
        // The job killed in PROJECTING had stored its chunks already: the next attempt replaced them (version 2).
        byStage.forEach((stage, upload) -> assertWholeChunks(stage, upload.documentId(),
                stage.equals("PROJECTING") ? 2 : 1));
        // One entry for each document and one for its chunks: the killed attempts wrote none.
        assertThat(stores.count("SELECT count(*) FROM outbox")).isEqualTo(2L * byStage.size());
        assertThat(stores.count("SELECT count(*) FROM scheduled_tasks")).isZero();
    }

    @Test
    void twoRunnersOnOneDatabaseRunEachJobOnce() {
        runners(2);
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

    private Upload upload(String fileName, byte[] content) {
        Api.Reply reply = api.upload(fileName, content);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        return new Upload(reply.json().read("$.jobId"), reply.json().read("$.documentId"));
    }

    /**
     * Chunks 0..n-1, each embedded, and the graph (once the relay has run) holds exactly these chunks, at the
     * document's chunk version.
     */
    private void assertWholeChunks(String stage, String documentId, long version) {
        String of = " FROM chunks WHERE document_id = '" + documentId + "'";
        List<Long> shape = stores.longs("SELECT count(*), count(DISTINCT ordinal), min(ordinal), max(ordinal), "
                + "count(embedding)" + of);
        long n = shape.getFirst();
        assertThat(n).as(stage + ": chunks").isPositive();
        assertThat(shape).as(stage + ": count, distinct ordinals, first, last, embedded")
                .containsExactly(n, n, 0L, n - 1, n);
        assertThat(stores.count("SELECT chunks_version FROM documents WHERE id = '" + documentId + "'"))
                .as(stage + ": chunk version").isEqualTo(version);
        String graph = "MATCH (d:Document {id: '" + documentId + "'})-[:HAS_CHUNK]->(c:Chunk) ";
        Eventually.await(stage + ": the graph has the chunks", Duration.ofSeconds(30), () -> stores.cypherCount(
                graph + "WHERE d.chunksVersion = " + version + " RETURN count(c)") == n);
        assertThat(stores.cypherStrings(graph + "RETURN c.id ORDER BY c.id")).as(stage + ": the graph's chunks")
                .isEqualTo(stores.strings("SELECT id::text" + of + " ORDER BY id::text"));
    }

    /** A Markdown text of a few dozen chunks, its words drawn from {@code seed}, so that no two are alike. */
    private static byte[] essay(String seed) {
        var random = new Random(seed.hashCode());
        String[] words = {"graph", "entity", "document", "chunk", "vector", "relation", "source", "extract",
                "model", "query", "index", "node", "edge", "schema", "store", "search", "signal", "corpus"};
        var text = new StringBuilder("# Notes on " + seed + "\n\n");
        for (int section = 1; text.length() < 60_000; section++) {
            text.append("## Section ").append(section).append("\n\n");
            for (int sentence = 0; sentence < 12; sentence++) {
                for (int word = 0; word < 14; word++) {
                    text.append(words[random.nextInt(words.length)]).append(word == 13 ? ". " : " ");
                }
            }
            text.append("\n\n");
        }
        return Fixtures.text(text.toString());
    }

    private record Upload(String jobId, String documentId) {
    }

    /**
     * Exactly {@code count} live runners: those a test before left running are used again (a runner's start is
     * the slow part of these tests), surplus ones are stopped, missing ones started.
     */
    private List<Process> runners(int count) {
        runners.removeIf(p -> !p.isAlive());
        while (runners.size() > count) {
            Process surplus = runners.removeLast();
            surplus.destroyForcibly();
            surplus.onExit().join();
        }
        List<Path> logs = new ArrayList<>();
        while (runners.size() < count) {
            logs.add(startRunner());
        }
        // Every runner up before jobs are queued: otherwise the first one up could run them all.
        for (Path log : logs) {
            Eventually.await("a runner's start (" + log + ")", Duration.ofSeconds(120),
                    () -> readable(log).contains("Startup completed"));
        }
        return List.copyOf(runners);
    }

    /** The service's jar as another instance: same database, files and graph; jobs only, on a port of its own. */
    /** Starts a runner; answers the file its output goes to. */
    private Path startRunner() {
        assertThat(JAR).as("the service jar, built by the package phase").exists();
        Path home = dataDir.resolve("runner-" + ++started);
        Path log = home.resolve("service.log");
        try {
            Files.createDirectories(home.resolve("tmp"));
            String java = ProcessHandle.current().info().command().orElse("java");
            var builder = new ProcessBuilder(java, "-Xmx512m", "--enable-native-access=ALL-UNNAMED",
                    "--sun-misc-unsafe-memory-access=allow", "-Duser.home=" + home,
                    "-Djava.io.tmpdir=" + home.resolve("tmp"), "-jar", JAR.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("KGLAB_DB_URL", TestDatabase.url());
            env.put("KGLAB_DB_USER", TestDatabase.user());
            env.put("KGLAB_DATA_DIR", storage.dataDir().toString());
            env.put("KGLAB_NEO4J_URI", neo4j.boltUri());
            env.put("KGLAB_NEO4J_PASSWORD", Files.readString(storage.neo4jPassword()).strip());
            env.put("MICRONAUT_SERVER_PORT", String.valueOf(freePort()));
            env.put("KGLAB_JOBS_POLL_INTERVAL", "200ms");
            env.put("KGLAB_JOBS_HEARTBEAT_INTERVAL", "1s");
            // Room for every job that a test keeps inside a stage at once.
            env.put("KGLAB_JOBS_THREADS", "4");
            runners.add(builder.start());
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readable(Path log) {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
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
