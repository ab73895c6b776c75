package org.kglab.bench;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures, for each upload, the time from sending it to the moment its Document node is visible
 * in Neo4j, split into the HTTP answer (receive, extract, store) and the relay's lag after it.
 * Uploads run one at a time so that each figure is a latency, not a queueing delay.
 *
 * <p>Arguments: {@code baseUrl boltUri markdownRuns pdfRuns}
 * (defaults {@code http://127.0.0.1:8080 bolt://127.0.0.1:7687 50 20}).
 */
public final class UploadToGraphLatency {

    private static final Pattern DOCUMENT_ID = Pattern.compile("\"documentId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        URI base = URI.create(arg(args, 0, "http://127.0.0.1:8080"));
        String bolt = arg(args, 1, "bolt://127.0.0.1:7687");
        int markdownRuns = Integer.parseInt(arg(args, 2, "50"));
        int pdfRuns = Integer.parseInt(arg(args, 3, "20"));

        byte[] markdown = ("# Benchmark note\n\nA short Markdown file about knowledge graphs.\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] pdf = pdfOfAbout(1024 * 1024);

        try (var http = HttpClient.newHttpClient();
             Driver neo4j = GraphDatabase.driver(bolt, AuthTokens.none())) {
            neo4j.verifyConnectivity();
            String token = BenchAccount.accessToken(http, base);
            System.out.printf(Locale.ROOT, "upload -> visible Neo4j node, sequential, against %s%n", base);
            var target = new Target(http, neo4j, base, token);
            measure("warm-up", target, "warmup.md", markdown, 5, false);
            measure("markdown", target, "note.md", markdown, markdownRuns, true);
            measure("pdf-1MB", target, "paper.pdf", pdf, pdfRuns, true);
        }
    }

    private record Target(HttpClient http, Driver neo4j, URI base, String token) {
    }

    private static void measure(String label, Target target, String name, byte[] content, int runs, boolean print)
            throws Exception {
        List<Double> total = new ArrayList<>();
        List<Double> answered = new ArrayList<>();
        List<Double> lag = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            String id = upload(target, name, content);
            long response = System.nanoTime();
            awaitNode(target.neo4j(), id);
            long visible = System.nanoTime();
            total.add(ms(visible - start));
            answered.add(ms(response - start));
            lag.add(ms(visible - response));
        }
        if (print) {
            System.out.printf(Locale.ROOT,
                    "%-9s size=%,d B runs=%d | upload->node p50 %.1f ms p90 %.1f ms max %.1f ms | "
                            + "HTTP answer p50 %.1f ms | relay lag p50 %.1f ms%n",
                    label, content.length, runs, pct(total, 50), pct(total, 90), pct(total, 100),
                    pct(answered, 50), pct(lag, 50));
        }
    }

    private static String upload(Target target, String name, byte[] content) throws Exception {
        String boundary = "bench-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(target.base().resolve("/api/v1/files"))
                .header("Authorization", "Bearer " + target.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> response = target.http().send(request, HttpResponse.BodyHandlers.ofString());
        Matcher id = DOCUMENT_ID.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("Upload failed: " + response.statusCode() + " " + response.body());
        }
        return id.group(1);
    }

    private static void awaitNode(Driver neo4j, String id) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            long found = neo4j.executableQuery("MATCH (d:Document {id: $id}) RETURN count(d) AS n")
                    .withParameters(Map.of("id", id)).execute().records().getFirst().get("n").asLong();
            if (found > 0) {
                return;
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("Node " + id + " did not appear within 30 s");
    }

    private static byte[] pdfOfAbout(long targetBytes) throws IOException {
        String line = "Knowledge graphs link entities across documents; this sentence pads the page. ";
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            long written = 0;
            int page = 0;
            while (written < targetBytes) {
                var p = new PDPage();
                document.addPage(p);
                try (var content = new PDPageContentStream(document, p, PDPageContentStream.AppendMode.APPEND,
                        false)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
                    content.newLineAtOffset(30, 760);
                    for (int i = 0; i < 60; i++) {
                        content.showText(page + ":" + i + " " + line);
                        content.newLineAtOffset(0, -12);
                    }
                    content.endText();
                }
                written += 60L * (line.length() + 12);
                page++;
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static double pct(List<Double> values, int percentile) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String arg(String[] args, int index, String fallback) {
        return args.length > index ? args[index] : fallback;
    }

}
