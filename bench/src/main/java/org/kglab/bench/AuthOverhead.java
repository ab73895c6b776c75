package org.kglab.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What authentication adds to a request. The same GraphQL query ({@code { __typename }}, which any
 * caller may run) is sent by N concurrent clients, once with a valid bearer token and once without,
 * so that the only difference is the authentication work: reading the header, verifying the ES256
 * signature and claims, and building the caller. A third kind of phase sends an API key instead,
 * which costs an indexed PostgreSQL lookup per request. Phases alternate (anonymous, access token,
 * API key, twice) and the second round is reported, after the JIT has settled.
 *
 * <p>Arguments: {@code baseUrl clients secondsPerPhase} (defaults {@code http://127.0.0.1:8080 32 15}).
 */
public final class AuthOverhead {

    private static final String QUERY = "{\"query\":\"{ __typename }\"}";

    public static void main(String[] args) throws Exception {
        URI graphql = URI.create(arg(args, 0, "http://127.0.0.1:8080")).resolve("/graphql");
        int clients = Integer.parseInt(arg(args, 1, "32"));
        Duration phase = Duration.ofSeconds(Long.parseLong(arg(args, 2, "15")));
        try (var http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
            String token = BenchAccount.accessToken(http, graphql);
            String apiKey = BenchAccount.apiKey(http, graphql, token);
            System.out.printf(Locale.ROOT, "auth overhead: POST /graphql { __typename }, %d clients, %ds phases%n",
                    clients, phase.toSeconds());
            run(http, graphql, null, clients, phase);
            run(http, graphql, token, clients, phase);
            run(http, graphql, apiKey, clients, phase);
            Result anonymous = run(http, graphql, null, clients, phase);
            Result authenticated = run(http, graphql, token, clients, phase);
            Result withKey = run(http, graphql, apiKey, clients, phase);
            anonymous.print("anonymous");
            authenticated.print("authenticated");
            withKey.print("API key");
            added("access token", authenticated, anonymous);
            added("API key", withKey, anonymous);
        }
    }

    private static void added(String label, Result measured, Result baseline) {
        System.out.printf(Locale.ROOT, "added by %s: p50 %+.3f ms, p99 %+.3f ms, throughput %+.1f%%%n", label,
                measured.p50() - baseline.p50(), measured.p99() - baseline.p99(),
                100.0 * (measured.rps() / baseline.rps() - 1));
    }

    private static Result run(HttpClient http, URI graphql, String token, int clients, Duration phase)
            throws InterruptedException {
        var running = new AtomicBoolean(true);
        List<long[]> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] samples = new long[2_000_000];
            perClient.add(samples);
            threads.add(Thread.ofVirtual().start(() -> {
                int n = 0;
                while (running.get() && n < samples.length) {
                    long t0 = System.nanoTime();
                    send(http, graphql, token);
                    samples[n++] = System.nanoTime() - t0;
                }
                samples[samples.length - 1] = n;
            }));
        }
        Thread.sleep(phase);
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = perClient.stream()
                .flatMapToLong(s -> Arrays.stream(s, 0, (int) s[s.length - 1]))
                .sorted().toArray();
        return new Result(all.length / seconds, percentile(all, 50), percentile(all, 99), all.length);
    }

    private static void send(HttpClient http, URI graphql, String token) {
        var request = HttpRequest.newBuilder(graphql).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(QUERY));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("\"Query\"")) {
                throw new IllegalStateException("Unexpected answer " + response.statusCode() + ": " + response.body());
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double percentile(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)] / 1e6;
    }

    private static String arg(String[] args, int index, String fallback) {
        return args.length > index ? args[index] : fallback;
    }

    record Result(double rps, double p50, double p99, long requests) {
        void print(String label) {
            System.out.printf(Locale.ROOT, "%-13s %,9.0f req/s | p50 %.3f ms | p99 %.3f ms | %,d requests%n",
                    label, rps, p50, p99, requests);
        }
    }
}
