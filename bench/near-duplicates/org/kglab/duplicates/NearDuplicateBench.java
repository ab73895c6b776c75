package org.kglab.duplicates;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.annotation.Query;
import org.kglab.documents.DocumentId;
import org.kglab.identity.access.UserId;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * How fast {@link NearDuplicates#record} stays with many documents already recorded. Bulk-loads N
 * synthetic documents of one owner (rows, signatures and band hashes, computed by the real MinHash and
 * banding code from generated texts, written with COPY, not through the API), then records new documents
 * through the real service, half of them near-duplicates (a 5% passage cut) of loaded ones and half
 * unrelated, and prints p50/p95 of {@code record} and the plan of the candidate lookup.
 *
 * <p>It lives in the feature's package, on the service jar's class path, to reach the package-private
 * signature code for the bulk load. Arguments: {@code jdbcUrl documents records}.
 */
public final class NearDuplicateBench {

    private static final int WORDS = 400;
    private static final int WARM_UP = 50;
    private static final Pattern PARAMETER = Pattern.compile(":(\\w+)");

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int documents = Integer.parseInt(args[1]);
        int records = Integer.parseInt(args[2]);
        var dataDir = Files.createTempDirectory("kglab-bench-neardup");
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "datasources.default.url", url,
                "kglab.storage.data-dir", dataDir.toString(),
                // Neither the embedded Neo4j nor the relay: only PostgreSQL takes part in recording.
                "kglab.neo4j.uri", "bolt://127.0.0.1:1",
                "kglab.sync.relay.enabled", "false",
                "endpoints.health.enabled", "false"));
             Connection db = DriverManager.getConnection(url, "postgres", "")) {
            UUID owner = UUID.randomUUID();
            execute(db, "INSERT INTO users (id, email) VALUES ('" + owner + "', 'bench@example.org')");
            UUID[] loaded = bulkLoad(db, owner, documents);
            NearDuplicates service = context.getBean(NearDuplicates.class);
            measure(db, service, owner, loaded, records);
            explainCandidateLookup(db, owner, loaded);
        }
    }

    private static UUID[] bulkLoad(Connection db, UUID owner, int count) throws SQLException {
        long started = System.nanoTime();
        UUID[] ids = new UUID[count];
        Arrays.setAll(ids, i -> UUID.randomUUID());
        int[][] signatures = new int[count][];
        IntStream.range(0, count).parallel().forEach(i -> signatures[i] = MinHash.signature(text(i, WORDS)));
        long signed = System.nanoTime();
        try (var rows = new Copy(db, "COPY documents (id, title, media_type, size_bytes, sha256, content, owner_id, "
                + "visibility) FROM STDIN")) {
            for (int i = 0; i < count; i++) {
                rows.append(ids[i]).append("\tdoc ").append(i).append("\ttext/plain\t3000\t").append("0".repeat(64))
                        .append("\t\t").append(owner).append("\tPRIVATE\n");
                rows.flushIfFull();
            }
        }
        try (var rows = new Copy(db, "COPY near_duplicate_signatures (document_id, owner_id, scheme, signature) "
                + "FROM STDIN")) {
            for (int i = 0; i < count; i++) {
                rows.append(ids[i]).append('\t').append(owner).append('\t').append(MinHash.SCHEME).append("\t{");
                int[] signature = signatures[i];
                for (int k = 0; k < signature.length; k++) {
                    rows.append(k == 0 ? "" : ",").append(signature[k]);
                }
                rows.append("}\n");
                rows.flushIfFull();
            }
        }
        try (var rows = new Copy(db, "COPY near_duplicate_bands (document_id, band, owner_id, hash) FROM STDIN")) {
            for (int i = 0; i < count; i++) {
                long[] bands = Bands.of(signatures[i]);
                for (int band = 0; band < bands.length; band++) {
                    rows.append(ids[i]).append('\t').append(band).append('\t').append(owner).append('\t')
                            .append(bands[band]).append('\n');
                }
                rows.flushIfFull();
            }
        }
        execute(db, "VACUUM ANALYZE documents, near_duplicate_signatures, near_duplicate_bands");
        System.out.printf(Locale.ROOT, "loaded %,d documents of one owner: %,d band rows; signatures %.1f s, "
                        + "COPY and VACUUM ANALYZE %.1f s; band table %s, lookup index %s%n", count,
                count * (long) Bands.BANDS, (signed - started) / 1e9, (System.nanoTime() - signed) / 1e9,
                text(db, "SELECT pg_size_pretty(pg_total_relation_size('near_duplicate_bands'))"),
                text(db, "SELECT pg_size_pretty(pg_relation_size('near_duplicate_bands_lookup_idx'))"));
        return ids;
    }

    private static void measure(Connection db, NearDuplicates service, UUID owner, UUID[] loaded, int records)
            throws SQLException {
        var random = new Random(42);
        List<Double> nearMs = new ArrayList<>();
        List<Double> unrelatedMs = new ArrayList<>();
        int found = 0;
        int expected = 0;
        for (int r = 0; r < WARM_UP + records; r++) {
            boolean near = r % 2 == 0;
            int of = random.nextInt(loaded.length);
            String text = near ? cutFivePercent(of) : text(1_000_000_000 + r, WORDS);
            UUID id = UUID.randomUUID();
            execute(db, "INSERT INTO documents (id, title, media_type, size_bytes, sha256, content, owner_id) "
                    + "VALUES ('" + id + "', 'new', 'text/plain', 3000, '" + "0".repeat(64) + "', '', '" + owner + "')");
            long t0 = System.nanoTime();
            int linked = service.record(new DocumentId(id), new UserId(owner), text);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r >= WARM_UP) {
                (near ? nearMs : unrelatedMs).add(ms);
                if (near) {
                    expected++;
                    found += linked > 0 && linkedTo(db, id, loaded[of]) ? 1 : 0;
                } else if (linked > 0) {
                    System.out.println("unexpected link for an unrelated text: " + id);
                }
            }
        }
        System.out.printf(Locale.ROOT, "load average %s%n", loadAverage());
        System.out.printf(Locale.ROOT, "record() of a %d-word text, %d warm-up runs not counted:%n", WORDS, WARM_UP);
        print("  near-duplicate (5% cut)", nearMs);
        print("  unrelated              ", unrelatedMs);
        List<Double> all = new ArrayList<>(nearMs);
        all.addAll(unrelatedMs);
        print("  all                    ", all);
        System.out.printf(Locale.ROOT, "near-duplicates found and linked: %d of %d%n", found, expected);
    }

    /** The plan of the real candidate query (its text read from the repository), for a loaded document's bands. */
    private static void explainCandidateLookup(Connection db, UUID owner, UUID[] loaded) throws Exception {
        String sql = Signatures.class.getDeclaredMethod("candidates", UUID.class, UUID.class, long[].class,
                short.class, int.class).getAnnotation(Query.class).value();
        List<String> names = new ArrayList<>();
        Matcher m = PARAMETER.matcher(sql);
        var jdbc = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        int probe = loaded.length / 2;
        long[] bands = Bands.of(MinHash.signature(cutFivePercent(probe)));
        try (PreparedStatement s = db.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + jdbc)) {
            for (int i = 0; i < names.size(); i++) {
                switch (names.get(i)) {
                    case "document" -> s.setObject(i + 1, UUID.randomUUID());
                    case "owner" -> s.setObject(i + 1, owner);
                    case "hashes" -> s.setArray(i + 1, db.createArrayOf("bigint",
                            Arrays.stream(bands).boxed().toArray()));
                    case "scheme" -> s.setShort(i + 1, MinHash.SCHEME);
                    case "limit" -> s.setInt(i + 1, NearDuplicates.MAX_CANDIDATES);
                    default -> throw new IllegalStateException("Unknown parameter " + names.get(i));
                }
            }
            System.out.println("EXPLAIN of Signatures.candidates for a near-duplicate of a loaded document:");
            try (ResultSet plan = s.executeQuery()) {
                while (plan.next()) {
                    System.out.println("  " + plan.getString(1));
                }
            }
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static boolean linkedTo(Connection db, UUID document, UUID duplicateOf) throws SQLException {
        return !text(db, "SELECT count(*) FROM near_duplicates WHERE document_id = '" + document
                + "' AND duplicate_of = '" + duplicateOf + "'").equals("0");
    }

    private static void print(String label, List<Double> ms) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s n=%d  p50 %.2f ms  p95 %.2f ms  max %.2f ms%n", label, sorted.length,
                percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** A text of {@code words} words drawn with a skew, so that common words recur as in prose. */
    private static String text(long seed, int words) {
        var random = new Random(seed);
        var text = new StringBuilder(words * 7);
        for (int i = 0; i < words; i++) {
            double r = random.nextDouble();
            text.append('w').append(Integer.toString((int) (20_000 * r * r * r), 36)).append(' ');
        }
        return text.toString();
    }

    private static String cutFivePercent(int seed) {
        String[] words = text(seed, WORDS).split(" ");
        var kept = new ArrayList<>(Arrays.asList(words));
        kept.subList(WORDS / 2, WORDS / 2 + WORDS / 20).clear();
        return String.join(" ", kept);
    }

    /** Rows streamed to PostgreSQL's COPY in pieces of about a megabyte, so that the heap holds one piece. */
    private static final class Copy implements AutoCloseable {

        private final CopyIn in;
        private final StringBuilder rows = new StringBuilder(1 << 21);

        Copy(Connection db, String sql) throws SQLException {
            in = db.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        }

        StringBuilder append(Object value) {
            return rows.append(value);
        }

        void flushIfFull() throws SQLException {
            if (rows.length() > 1 << 20) {
                flush();
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            rows.setLength(0);
        }

        @Override
        public void close() throws SQLException {
            flush();
            in.endCopy();
        }
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (var s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private static String text(Connection db, String sql) throws SQLException {
        try (var s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
