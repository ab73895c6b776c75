package org.kglab.bench;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 1,000 entities and then 1,000 relationships among them, upserted through GraphQL over HTTP
 * ({@code upsertEntities}, {@code upsertRelationships}: two requests, two Neo4j transactions), against the same
 * data written with the raw driver as two plain {@code UNWIND … MERGE} transactions on the same labels and indexes.
 * Each run writes new entities (the create path); the two ways alternate so they share the machine's state.
 * Prints the median, p90 and max per batch pair, and the ratio of the medians.
 */
public final class GraphUpsertThroughput {

    private static final int SIZE = 1_000;
    private static final Pattern IDS = Pattern.compile("\"ids\"\\s*:\\s*\\[([^\\]]*)]");

    private static final String RAW_ENTITIES = """
            UNWIND $rows AS row
            MERGE (e:Entity {mergeKey: row.mergeKey})
            ON CREATE SET e.id = row.id, e.ownerId = $owner, e.createdAt = datetime(), e.revision = 0
            SET e.type = row.type, e.name = row.name, e.normalisedName = row.normalisedName, e.aliases = [],
                e.properties = '{}', e.visibility = 'PRIVATE', e.revision = e.revision + 1, e.updatedAt = datetime()
            """;

    private static final String RAW_RELATIONSHIPS = """
            UNWIND $rows AS row
            MATCH (a:Entity {id: row.source})
            MATCH (b:Entity {id: row.target})
            MERGE (a)-[r:RELATED_TO]->(b)
            ON CREATE SET r.id = row.id, r.ownerId = $owner, r.createdAt = datetime(), r.revision = 0
            SET r.confidence = 1.0, r.properties = '{}', r.revision = r.revision + 1, r.updatedAt = datetime()
            """;

    private GraphUpsertThroughput() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        String bolt = args.length > 1 ? args[1] : "bolt://127.0.0.1:7687";
        String password = args.length > 2 ? args[2] : "";
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int warmups = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        try (var http = HttpClient.newHttpClient();
             Driver neo4j = GraphDatabase.driver(bolt, AuthTokens.basic("neo4j", password))) {
            neo4j.verifyConnectivity();
            String token = BenchAccount.accessToken(http, base);
            List<Double> api = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            for (int run = -warmups; run < runs; run++) {
                double viaApi = viaApi(http, base, token, "api" + run);
                double viaDriver = viaDriver(neo4j, "raw" + run);
                if (run >= 0) {
                    api.add(viaApi);
                    raw.add(viaDriver);
                }
            }
            System.out.printf(Locale.ROOT, "%d entities + %d relationships per pair, %d runs after %d warm-up runs%n",
                    SIZE, SIZE, runs, warmups);
            print("GraphQL over HTTP", api);
            print("raw driver UNWIND MERGE", raw);
            System.out.printf(Locale.ROOT, "ratio of medians (HTTP / raw): %.2f%n", median(api) / median(raw));
        }
    }

    private static double viaApi(HttpClient http, URI base, String token, String prefix) throws Exception {
        StringBuilder entities = new StringBuilder();
        for (int i = 0; i < SIZE; i++) {
            entities.append(i == 0 ? "" : ",").append("{\"type\":\"Concept\",\"name\":\"").append(prefix)
                    .append(" entity ").append(i).append("\"}");
        }
        long started = System.nanoTime();
        String reply = post(http, base, token, "mutation($e: [EntityInput!]!) { upsertEntities(entities: $e) { ids created } }",
                "{\"e\":[" + entities + "]}");
        Matcher ids = IDS.matcher(reply);
        if (!ids.find()) {
            throw new IllegalStateException("upsertEntities failed: " + reply.substring(0, Math.min(500, reply.length())));
        }
        String[] id = ids.group(1).replace("\"", "").split(",");
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < SIZE; i++) {
            links.append(i == 0 ? "" : ",").append("{\"sourceId\":\"").append(id[i]).append("\",\"type\":\"RELATED_TO\",")
                    .append("\"targetId\":\"").append(id[(i * 7 + 1) % SIZE]).append("\"}");
        }
        String linked = post(http, base, token,
                "mutation($r: [RelationshipInput!]!) { upsertRelationships(relationships: $r) { created } }",
                "{\"r\":[" + links + "]}");
        if (!linked.contains("\"created\":" + SIZE)) {
            throw new IllegalStateException("upsertRelationships failed: " + linked);
        }
        return (System.nanoTime() - started) / 1e6;
    }

    private static double viaDriver(Driver neo4j, String prefix) {
        String owner = UUID.randomUUID().toString();
        List<Map<String, Object>> entities = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            String name = prefix + " entity " + i;
            entities.add(Map.of("id", id, "type", "Concept", "name", name, "normalisedName", name,
                    "mergeKey", "n\u001f" + owner + "\u001fConcept\u001f" + name));
        }
        List<Map<String, Object>> links = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            links.add(Map.of("id", UUID.randomUUID().toString(), "source", ids.get(i), "target",
                    ids.get((i * 7 + 1) % SIZE)));
        }
        long started = System.nanoTime();
        try (var session = neo4j.session()) {
            session.executeWrite(tx -> tx.run(RAW_ENTITIES, Map.of("rows", entities, "owner", owner)).consume());
            session.executeWrite(tx -> tx.run(RAW_RELATIONSHIPS, Map.of("rows", links, "owner", owner)).consume());
        }
        return (System.nanoTime() - started) / 1e6;
    }

    private static String post(HttpClient http, URI base, String token, String query, String variables)
            throws Exception {
        String body = "{\"query\":\"" + query.replace("\"", "\\\"") + "\",\"variables\":" + variables + "}";
        return http.send(HttpRequest.newBuilder(base.resolve("/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void print(String label, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(Double::compare);
        System.out.printf(Locale.ROOT, "%-24s median %7.1f ms | p90 %7.1f ms | min %7.1f ms | max %7.1f ms%n", label,
                median(millis), sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1), sorted.getFirst(),
                sorted.getLast());
    }

    private static double median(List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
