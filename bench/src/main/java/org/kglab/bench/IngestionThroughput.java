package org.kglab.bench;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Ingestion through the REST API: uploads, then polls each upload's job until it ends, and samples the service's
 * heap with {@code jstat -gc <pid> 250} (every 250 ms) meanwhile.
 *
 * <p>Arguments: {@code baseUrl servicePid serviceLog resultsFile mode [documents] [concurrency]}, where mode is
 * <ul>
 *   <li>{@code embeddings}: a generated corpus of mixed formats at the given concurrency, then a PDF just under the
 *       upload limit through the whole pipeline;</li>
 *   <li>{@code no-embeddings}: 10-page PDFs one at a time (the service runs with embeddings off).</li>
 * </ul>
 * Every printed figure is also appended to {@code resultsFile}, which the script prints at the end.
 */
public final class IngestionThroughput {

    private static final Pattern JOB_ID = Pattern.compile("\"jobId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Pattern STAGE = Pattern.compile("\"stage\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Pattern ATTEMPT = Pattern.compile("\"attempt\"\\s*:\\s*(\\d+)");
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final List<String> ENDED = List.of("SUCCEEDED", "DEAD", "CANCELLED");
    private static final List<String> FORMATS = List.of("pdf", "docx", "html", "md", "txt", "json");
    private static final long UPLOAD_LIMIT = 52_428_800L;

    private static Path results;

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        long pid = Long.parseLong(args[1]);
        Path serviceLog = Path.of(args[2]);
        results = Path.of(args[3]);
        String mode = args[4];
        int documents = args.length > 5 ? Integer.parseInt(args[5]) : 1000;
        int concurrency = args.length > 6 ? Integer.parseInt(args[6]) : 4;

        try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
             var heap = HeapSampler.start(pid)) {
            String access = BenchAccount.accessToken(http, base);
            // An API key does not expire during a long run, as a 15-minute access token would.
            String key = BenchAccount.apiKey(http, base, access, "READ, INGEST");
            var api = new Api(http, base, key);
            switch (mode) {
                case "embeddings" -> {
                    corpus(api, heap, documents, concurrency);
                    largePdf(api, heap, serviceLog);
                }
                case "no-embeddings" -> tenPagePdf(api, heap, documents);
                default -> throw new IllegalArgumentException("Unknown mode " + mode);
            }
            long ooms = Files.readAllLines(serviceLog).stream().filter(l -> l.contains("OutOfMemoryError")).count();
            out("service log lines mentioning OutOfMemoryError: %d", ooms);
        }
    }

    // ---------------------------------------------------------------- phase 1: the mixed corpus

    private static void corpus(Api api, HeapSampler heap, int documents, int concurrency) throws Exception {
        long generating = System.nanoTime();
        List<Doc> corpus = new ArrayList<>();
        long textChars = 0;
        long bytes = 0;
        for (int i = 0; i < documents; i++) {
            Doc doc = Doc.generate(i, FORMATS.get(i % FORMATS.size()), new Random(1_000_003L * (i + 1)));
            corpus.add(doc);
            textChars += doc.textChars();
            bytes += doc.content().length;
        }
        Collections.shuffle(corpus, new Random(42));
        System.out.printf(Locale.ROOT, "generated %d documents (%,d characters of text, %,d bytes) in %.1f s%n",
                documents, textChars, bytes, (System.nanoTime() - generating) / 1e9);

        // Warm-up, not counted: starts the extraction process and loads the embedding model.
        for (int i = 0; i < 2; i++) {
            Doc warm = Doc.generate(-1 - i, i == 0 ? "pdf" : "docx", new Random(7 + i));
            Outcome o = api.ingest(warm.name(), warm.content(), Duration.ofMinutes(5), 100);
            System.out.printf(Locale.ROOT, "warm-up %s: %s in %.0f ms%n", warm.name(), o.state(), o.latencyMs());
        }

        heap.reset();
        var next = new AtomicInteger();
        var outcomes = Collections.synchronizedList(new ArrayList<Outcome>());
        var byFormat = new ConcurrentHashMap<String, List<Double>>();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(Thread.ofPlatform().start(() -> {
                for (int i; (i = next.getAndIncrement()) < corpus.size(); ) {
                    Doc doc = corpus.get(i);
                    Outcome o;
                    try {
                        o = api.ingest(doc.name(), doc.content(), Duration.ofMinutes(15), 100);
                    } catch (Exception e) {
                        o = new Outcome("CLIENT_ERROR " + e.getClass().getSimpleName(), null, 0, 0, 0, e.getMessage(), 0);
                    }
                    outcomes.add(o);
                    if (o.state().equals("SUCCEEDED")) {
                        byFormat.computeIfAbsent(doc.format(), f -> Collections.synchronizedList(new ArrayList<>()))
                                .add(o.latencyMs());
                    }
                    int done = outcomes.size();
                    if (done % Math.max(1, corpus.size() / 10) == 0) {
                        System.out.printf(Locale.ROOT, "  %d/%d done after %.0f s%n", done, corpus.size(),
                                (System.nanoTime() - start) / 1e9);
                    }
                }
            }));
        }
        for (Thread t : workers) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        HeapSampler.Peak peak = heap.reset();

        List<Double> ok = outcomes.stream().filter(o -> o.state().equals("SUCCEEDED")).map(Outcome::latencyMs).toList();
        List<Double> server = outcomes.stream().filter(o -> o.state().equals("SUCCEEDED"))
                .map(Outcome::serverRunMs).toList();
        Map<String, Integer> states = new TreeMap<>();
        outcomes.forEach(o -> states.merge(o.state(), 1, Integer::sum));
        long retried = outcomes.stream().filter(o -> o.attempt() > 1).count();

        out("== corpus: %d documents (%s, about %d each), %,d characters of text, %.1f MB of files, concurrency %d, embeddings on",
                documents, String.join("/", FORMATS), documents / FORMATS.size(), textChars, bytes / 1048576.0,
                concurrency);
        out("throughput      %.1f documents/min READY (%d in %.1f s)", ok.size() * 60 / seconds, ok.size(), seconds);
        out("upload->READY   p50 %.0f ms  p95 %.0f ms  max %.0f ms", pct(ok, 50), pct(ok, 95), pct(ok, 100));
        out("job run         p50 %.0f ms  p95 %.0f ms  (startedAt->finishedAt of the last attempt)", pct(server, 50),
                pct(server, 95));
        StringBuilder formats = new StringBuilder();
        byFormat.forEach((f, l) -> formats.append(String.format(Locale.ROOT, " %s %.0f ms;", f, pct(l, 50))));
        out("p50 by format  %s", formats);
        out("end states      %s; jobs that needed more than one attempt: %d", states, retried);
        outcomes.stream().filter(o -> !o.state().equals("SUCCEEDED")).limit(5)
                .forEach(o -> out("  not READY: %s %s", o.state(), o.error()));
        out("service heap    %s", peak);
    }

    // ---------------------------------------------------------------- phase 2: a 10-page PDF, embeddings off

    private static void tenPagePdf(Api api, HeapSampler heap, int runs) throws Exception {
        List<byte[]> pdfs = new ArrayList<>();
        for (int i = 0; i < runs + 2; i++) {
            pdfs.add(pdf(textOf(new Random(500 + i), 10 * 6_000), 0, 10));  // 10 full pages, each upload its own
        }
        int pages;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdfs.getFirst())) {
            pages = document.getNumberOfPages();
        }
        List<Double> total = new ArrayList<>();
        List<Double> run = new ArrayList<>();
        List<Double> queued = new ArrayList<>();
        List<Double> answer = new ArrayList<>();
        Map<String, Integer> states = new TreeMap<>();
        heap.reset();
        for (int i = 0; i < pdfs.size(); i++) {
            Outcome o = api.ingest("ten-pages-" + i + ".pdf", pdfs.get(i), Duration.ofMinutes(5), 10);
            if (i < 2) {
                System.out.printf(Locale.ROOT, "warm-up %d: %s in %.0f ms%n", i, o.state(), o.latencyMs());
                continue;
            }
            states.merge(o.state(), 1, Integer::sum);
            if (o.state().equals("SUCCEEDED")) {
                total.add(o.latencyMs());
                run.add(o.serverRunMs());
                queued.add(o.serverWaitMs());
                answer.add(o.answerMs());
            }
        }
        out("== 10-page PDF to READY, embeddings off (KGLAB_EMBEDDING_PROVIDER=none): %d pages, %,d bytes, %d runs one at a time after 2 warm-ups",
                pages, pdfs.getFirst().length, runs);
        out("upload->READY   p50 %.0f ms  p95 %.0f ms  max %.0f ms  (client clock, polled every 10 ms)",
                pct(total, 50), pct(total, 95), pct(total, 100));
        out("  HTTP 202      p50 %.0f ms", pct(answer, 50));
        out("  createdAt->startedAt (queued)    p50 %.0f ms", pct(queued, 50));
        out("  startedAt->finishedAt (job run)  p50 %.0f ms  max %.0f ms", pct(run, 50), pct(run, 100));
        out("end states      %s", states);
        out("service heap    %s", heap.reset());
    }

    // ---------------------------------------------------------------- phase 3: a PDF just under the upload limit

    private static void largePdf(Api api, HeapSampler heap, Path serviceLog) throws Exception {
        long generating = System.nanoTime();
        // 40 pages of text (about 200 KB) and 10 pages with a photo-like image each (incompressible pixels), so that
        // the file is just under the 50 MB limit: what a large real PDF looks like (scans, figures), with text enough
        // to chunk and embed.
        byte[] pdf = pdf(textOf(new Random(99), 40 * 5_200), 10, Integer.MAX_VALUE);
        if (pdf.length > UPLOAD_LIMIT - 64 * 1024) {
            throw new IllegalStateException("The large PDF is " + pdf.length + " bytes, over the upload limit");
        }
        int pages;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            pages = document.getNumberOfPages();
        }
        System.out.printf(Locale.ROOT, "generated a %,d-byte PDF in %.1f s%n", pdf.length,
                (System.nanoTime() - generating) / 1e9);
        heap.reset();
        Outcome o = api.ingest("large.pdf", pdf, Duration.ofMinutes(20), 250);
        HeapSampler.Peak peak = heap.reset();
        out("== large PDF: %,d bytes (%.1f MB; limit %.0f MB), %d pages: %d of text, 10 with a 4.7 MB image each, embeddings on",
                pdf.length, pdf.length / 1048576.0, UPLOAD_LIMIT / 1048576.0, pages, pages - 10);
        out("end state       %s (stage %s, attempt %d) after %.1f s; HTTP 202 in %.0f ms; job run %.1f s",
                o.state(), o.stage(), o.attempt(), o.latencyMs() / 1000, o.answerMs(), o.serverRunMs() / 1000);
        if (o.error() != null) {
            out("  error: %s", o.error());
        }
        out("service heap    %s", peak);
    }

    // ---------------------------------------------------------------- the API

    private record Outcome(String state, String stage, int attempt, double latencyMs, double answerMs, String error,
                           double serverRunMs, double serverWaitMs) {
        Outcome(String state, String stage, int attempt, double latencyMs, double answerMs, String error,
                double serverRunMs) {
            this(state, stage, attempt, latencyMs, answerMs, error, serverRunMs, 0);
        }
    }

    private record Api(HttpClient http, URI base, String key) {

        /** Uploads, then polls the job until it ends; the latency is from sending the upload to seeing the end. */
        Outcome ingest(String name, byte[] content, Duration timeout, long pollMillis) throws Exception {
            String boundary = "bench-" + UUID.randomUUID();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            var request = HttpRequest.newBuilder(base.resolve("/api/v1/files"))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)))
                    .build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            double answered = ms(System.nanoTime() - start);
            Matcher id = JOB_ID.matcher(response.body());
            if (response.statusCode() != 202 || !id.find()) {
                return new Outcome("HTTP_" + response.statusCode(), null, 0, ms(System.nanoTime() - start), answered,
                        response.body().length() > 300 ? response.body().substring(0, 300) : response.body(), 0);
            }
            URI job = base.resolve("/api/v1/jobs/" + id.group(1));
            long deadline = start + timeout.toNanos();
            String body = "";
            String state = "";
            while (System.nanoTime() < deadline) {
                body = http.send(HttpRequest.newBuilder(job).header("Authorization", "Bearer " + key).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                state = find(STATE, body);
                if (ENDED.contains(state)) {
                    break;
                }
                Thread.sleep(pollMillis);
            }
            double latency = ms(System.nanoTime() - start);
            if (!ENDED.contains(state)) {
                state = "TIMEOUT(" + state + ")";
            }
            Instant created = instant(body, "createdAt");
            Instant started = instant(body, "startedAt");
            Instant finished = instant(body, "finishedAt");
            double run = started != null && finished != null ? Duration.between(started, finished).toNanos() / 1e6 : 0;
            double wait = created != null && started != null ? Duration.between(created, started).toNanos() / 1e6 : 0;
            String attempt = find(ATTEMPT, body);
            return new Outcome(state, find(STAGE, body), attempt == null ? 0 : Integer.parseInt(attempt), latency,
                    answered, find(ERROR, body), run, wait);
        }

        private static Instant instant(String body, String field) {
            Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
            return m.find() ? Instant.parse(m.group(1)) : null;
        }

        private static String find(Pattern pattern, String body) {
            Matcher m = pattern.matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    // ---------------------------------------------------------------- the service's heap

    /** Runs {@code jstat -gc <pid> 250} and keeps the highest used heap (survivors + eden + old) since the last reset. */
    private static final class HeapSampler implements AutoCloseable {
        private final Process jstat;
        private long peakUsedKb;
        private long peakOldKb;
        private long peakCommittedKb;
        private long youngGcs;
        private long fullGcs;
        private long firstYoung = -1;
        private long firstFull = -1;
        private int samples;

        record Peak(long usedKb, long oldKb, long committedKb, long youngGcs, long fullGcs, int samples) {
            @Override
            public String toString() {
                return String.format(Locale.ROOT,
                        "peak used %.0f MB (old generation peak %.0f MB), committed up to %.0f MB of -Xmx512m; "
                                + "%d young / %d full GCs; %d samples at 250 ms",
                        usedKb / 1024.0, oldKb / 1024.0, committedKb / 1024.0, youngGcs, fullGcs, samples);
            }
        }

        private HeapSampler(Process jstat) {
            this.jstat = jstat;
        }

        static HeapSampler start(long pid) throws IOException {
            Path bin = Path.of(System.getProperty("java.home"), "bin", "jstat");
            Process p = new ProcessBuilder(bin.toString(), "-gc", Long.toString(pid), "250")
                    .redirectErrorStream(true).start();
            var sampler = new HeapSampler(p);
            Thread.ofPlatform().daemon().start(() -> sampler.read(p));
            return sampler;
        }

        private void read(Process p) {
            try (var lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
                List<String> header = null;
                for (String line; (line = lines.readLine()) != null; ) {
                    List<String> fields = List.of(line.trim().split("\\s+"));
                    if (fields.contains("EU")) {
                        header = fields;
                        continue;
                    }
                    if (header == null || fields.size() != header.size()) {
                        System.err.println("jstat: " + line);
                        continue;
                    }
                    List<String> h = header;
                    java.util.function.ToLongFunction<String> v = name -> h.contains(name)
                            ? (long) Double.parseDouble(fields.get(h.indexOf(name))) : 0;
                    long used = v.applyAsLong("S0U") + v.applyAsLong("S1U") + v.applyAsLong("EU") + v.applyAsLong("OU");
                    long committed = v.applyAsLong("S0C") + v.applyAsLong("S1C") + v.applyAsLong("EC")
                            + v.applyAsLong("OC");
                    synchronized (this) {
                        peakUsedKb = Math.max(peakUsedKb, used);
                        peakOldKb = Math.max(peakOldKb, v.applyAsLong("OU"));
                        peakCommittedKb = Math.max(peakCommittedKb, committed);
                        youngGcs = v.applyAsLong("YGC");
                        fullGcs = v.applyAsLong("FGC");
                        if (firstYoung < 0) {
                            firstYoung = youngGcs;
                            firstFull = fullGcs;
                        }
                        samples++;
                    }
                }
            } catch (IOException e) {
                System.err.println("jstat stopped: " + e);
            }
        }

        /** The peak since the last reset; starts a new period. */
        synchronized Peak reset() {
            var peak = new Peak(peakUsedKb, peakOldKb, peakCommittedKb, Math.max(0, youngGcs - firstYoung),
                    Math.max(0, fullGcs - firstFull), samples);
            peakUsedKb = 0;
            peakOldKb = 0;
            peakCommittedKb = 0;
            firstYoung = youngGcs;
            firstFull = fullGcs;
            samples = 0;
            return peak;
        }

        @Override
        public void close() {
            jstat.destroy();
        }
    }

    // ---------------------------------------------------------------- the corpus

    private record Doc(String name, String format, byte[] content, int textChars) {

        /** A document of 1 to 50 KB of generated text, its own words and order, in {@code format}. */
        static Doc generate(int index, String format, Random random) {
            int size = 1024 + random.nextInt(49 * 1024);
            String title = capitalise(words(random, 3 + random.nextInt(4)));
            List<String[]> sections = new ArrayList<>();  // heading, body
            int chars = 0;
            int n = 0;
            while (chars < size) {
                String heading = (++n) + " " + capitalise(words(random, 2 + random.nextInt(3)));
                String body = textOf(random, Math.min(size - chars, 800 + random.nextInt(3000)));
                sections.add(new String[] {heading, body});
                chars += heading.length() + body.length();
            }
            String name = String.format(Locale.ROOT, "doc-%04d.%s", index, format);
            byte[] content = switch (format) {
                case "pdf" -> {
                    StringBuilder text = new StringBuilder(title).append("\n\n");
                    sections.forEach(s -> text.append(s[0]).append("\n\n").append(s[1]).append("\n\n"));
                    yield pdfUnchecked(text.toString());
                }
                case "docx" -> docx(title, sections);
                case "html" -> {
                    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                            .append(title).append("</title></head>\n<body>\n<h1>").append(title).append("</h1>\n");
                    sections.forEach(s -> {
                        html.append("<h2>").append(s[0]).append("</h2>\n");
                        for (String p : s[1].split("\n\n")) {
                            html.append("<p>").append(p).append("</p>\n");
                        }
                    });
                    yield html.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
                }
                case "md" -> {
                    StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
                    sections.forEach(s -> md.append("## ").append(s[0]).append("\n\n").append(s[1]).append("\n\n"));
                    yield md.toString().getBytes(StandardCharsets.UTF_8);
                }
                case "txt" -> {
                    StringBuilder txt = new StringBuilder(title).append("\n\n");
                    sections.forEach(s -> txt.append(s[0]).append("\n\n").append(s[1]).append("\n\n"));
                    yield txt.toString().getBytes(StandardCharsets.UTF_8);
                }
                case "json" -> {
                    StringBuilder json = new StringBuilder("{\"title\": \"").append(title).append("\", \"sections\": [");
                    for (int i = 0; i < sections.size(); i++) {
                        json.append(i == 0 ? "\n" : ",\n").append("  {\"heading\": \"").append(sections.get(i)[0])
                                .append("\", \"body\": \"").append(sections.get(i)[1].replace("\n", "\\n")).append("\"}");
                    }
                    yield json.append("\n]}\n").toString().getBytes(StandardCharsets.UTF_8);
                }
                default -> throw new IllegalArgumentException(format);
            };
            return new Doc(name, format, content, chars);
        }

        private static byte[] pdfUnchecked(String text) {
            try {
                return pdf(text, 0, Integer.MAX_VALUE);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A minimal WordprocessingML package: content types, the package relationship and the document part. */
        private static byte[] docx(String title, List<String[]> sections) {
            StringBuilder body = new StringBuilder();
            body.append(paragraph(title, "Title"));
            for (String[] s : sections) {
                body.append(paragraph(s[0], "Heading1"));
                for (String p : s[1].split("\n\n")) {
                    body.append(paragraph(p, null));
                }
            }
            var bytes = new ByteArrayOutputStream();
            try (var zip = new ZipOutputStream(bytes)) {
                entry(zip, "[Content_Types].xml", """
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                        <Default Extension="xml" ContentType="application/xml"/>\
                        <Override PartName="/word/document.xml" \
                        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                        </Types>""");
                entry(zip, "_rels/.rels", """
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                        <Relationship Id="rId1" \
                        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                        Target="word/document.xml"/></Relationships>""");
                entry(zip, "word/document.xml", """
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"""
                        + body + "</w:body></w:document>");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return bytes.toByteArray();
        }

        private static String paragraph(String text, String style) {
            return "<w:p>" + (style == null ? "" : "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>")
                    + "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
        }

        private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    // ---------------------------------------------------------------- text and PDFs

    private static final String[] VOCABULARY = ("the a of and to in is was for on with as by at from that this which "
            + "graph node edge document model data system network river city market theory method result analysis "
            + "study measure sample value energy signal process structure language history science council report "
            + "harbour garden engine protein climate village winter letter budget museum archive survey bridge "
            + "railway library orchestra ferment crystal glacier lantern meadow quarry scaffold tapestry vineyard "
            + "observe describe compare connect record improve reduce extend govern collect publish measure predict "
            + "explain divide gather follow support travel build change carry open "
            + "early late small large quiet rapid careful public private northern southern ancient modern simple "
            + "complex durable fragile bright narrow broad local distant central formal "
            + "often rarely slowly quickly together however therefore meanwhile afterwards mostly nearly").split(" ");

    private static final String[] SYLLABLES = {"ka", "lo", "mer", "tin", "sa", "vel", "dor", "ith", "ro", "pan",
            "quel", "bri", "sto", "ven", "ula", "gar", "nim", "tor", "esh", "fal", "cor", "dri", "hem", "zu"};

    /** English-like prose of about {@code chars} characters: sentences of common words and invented names. */
    static String textOf(Random random, int chars) {
        String[] names = new String[12];
        for (int i = 0; i < names.length; i++) {
            StringBuilder name = new StringBuilder();
            for (int s = 0, n = 2 + random.nextInt(2); s < n; s++) {
                name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            names[i] = capitalise(name.toString());
        }
        StringBuilder text = new StringBuilder(chars + 200);
        int sentencesInParagraph = 0;
        while (text.length() < chars) {
            StringBuilder sentence = new StringBuilder();
            for (int w = 0, n = 6 + random.nextInt(14); w < n; w++) {
                String word = random.nextInt(7) == 0 ? names[random.nextInt(names.length)]
                        : VOCABULARY[random.nextInt(VOCABULARY.length)];
                if (w > 0) {
                    sentence.append(w == n / 2 && random.nextInt(3) == 0 ? ", " : " ");
                }
                sentence.append(word);
            }
            text.append(capitalise(sentence.toString())).append(random.nextInt(12) == 0 ? "? " : ". ");
            if (++sentencesInParagraph >= 3 + random.nextInt(5)) {
                text.setLength(text.length() - 1);
                text.append("\n\n");
                sentencesInParagraph = 0;
            }
        }
        return text.toString().strip();
    }

    private static String words(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " ").append(VOCABULARY[random.nextInt(VOCABULARY.length)]);
        }
        return s.toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * A PDF of {@code text} (Helvetica 9 pt, 60 lines of at most 100 characters a page), then {@code imagePages}
     * pages each with a 1,280 x 1,280 image of random pixels (about 4.7 MB each, as they do not compress). The text
     * stops at {@code maxTextPages} pages.
     */
    static byte[] pdf(String text, int imagePages, int maxTextPages) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            String rest = paragraph;
            while (rest.length() > 100) {
                int cut = rest.lastIndexOf(' ', 100);
                cut = cut <= 0 ? 100 : cut;
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut).stripLeading();
            }
            lines.add(rest);
        }
        if (lines.size() > 60L * maxTextPages) {
            lines = lines.subList(0, 60 * maxTextPages);
        }
        var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            for (int first = 0; first < lines.size(); first += 60) {
                var page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (var content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 9);
                    content.newLineAtOffset(40, 750);
                    for (String line : lines.subList(first, Math.min(lines.size(), first + 60))) {
                        content.showText(line);
                        content.newLineAtOffset(0, -12);
                    }
                    content.endText();
                }
            }
            var random = new Random(1234);
            for (int i = 0; i < imagePages; i++) {
                var image = new BufferedImage(1280, 1280, BufferedImage.TYPE_INT_RGB);
                int[] pixels = new int[1280 * 1280];
                for (int p = 0; p < pixels.length; p++) {
                    pixels[p] = random.nextInt(0x1000000);
                }
                image.setRGB(0, 0, 1280, 1280, pixels, 0, 1280);
                var page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (var content = new PDPageContentStream(document, page)) {
                    content.drawImage(LosslessFactory.createFromImage(document, image), 40, 150, 532, 532);
                    content.beginText();
                    content.setFont(font, 9);
                    content.newLineAtOffset(40, 120);
                    content.showText("Figure " + (i + 1) + ". A photograph of the survey site, scanned at full size.");
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    // ---------------------------------------------------------------- figures

    private static void out(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        try {
            Files.writeString(results, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double pct(List<Double> values, int percentile) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
