package org.kglab.platform;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kglab.support.IntegrationTest;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded Neo4j as an attacker on the same host sees it: its loopback Bolt port. */
@MicronautTest(transactional = false)
class EmbeddedNeo4jSecurityIT extends IntegrationTest {

    @Inject
    EmbeddedNeo4j neo4j;

    @Inject
    StorageProperties storage;

    @Test
    void refusesBoltWithoutCredentials() {
        assertThatThrownBy(() -> returnOne(neo4j.boltUri(), AuthTokens.none()))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void refusesBoltWithWrongCredentials() {
        for (AuthToken wrong : List.of(AuthTokens.basic("neo4j", "neo4j"), AuthTokens.basic("neo4j", "wrong-password"),
                AuthTokens.basic("admin", storedPassword()))) {
            assertThatThrownBy(() -> returnOne(neo4j.boltUri(), wrong)).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void failedSignInsNeverLockTheServiceOutOfItsGraph() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> returnOne(neo4j.boltUri(), AuthTokens.basic("neo4j", "wrong-password")))
                    .isInstanceOf(AuthenticationException.class);
        }
        assertThat(returnOne(neo4j.boltUri(), AuthTokens.basic("neo4j", storedPassword()))).isEqualTo(1);
    }

    @Test
    void generatesAPasswordOnceKeepsItOwnerOnlyAndReusesItAfterARestart() throws IOException {
        Path file = storage.neo4jPassword();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String password = storedPassword();
        assertThat(password).hasSizeGreaterThanOrEqualTo(22).matches("[A-Za-z0-9_-]+");
        assertThat(returnOne(neo4j.boltUri(), AuthTokens.basic("neo4j", password))).isEqualTo(1);

        neo4j.stop();
        neo4j.start();

        assertThat(storedPassword()).isEqualTo(password);
        assertThat(returnOne(neo4j.boltUri(), AuthTokens.basic("neo4j", password))).isEqualTo(1);
        assertThat(stores.cypherCount("RETURN 1")).isEqualTo(1);
    }

    @Test
    void loadCsvReadsNoFileNotEvenTheSigningKeys() {
        Path keys = storage.dataDir().resolve("keys").resolve("signing-keys.jwks.json");
        assertThat(keys).isRegularFile();
        Path imports = storage.graphImport();
        for (String url : List.of(keys.toUri().toString(), "file:///signing-keys.jwks.json",
                "file:///" + imports.relativize(keys), "file:///etc/hostname",
                "file:///" + imports.relativize(storage.neo4jPassword()), "jar:" + keys.toUri() + "!/x.csv")) {
            assertThatThrownBy(() -> loadCsv(url)).as(url).isInstanceOf(ClientException.class)
                    .hasMessageNotContaining("\"d\"");
        }
        assertThat(imports).isEmptyDirectory();
    }

    @Test
    void loadCsvReachesNoHostOnTheNetwork() throws IOException {
        var requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "secret\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            for (String url : List.of("http://127.0.0.1:" + port + "/a.csv", "http://localhost:" + port + "/a.csv",
                    "https://127.0.0.1:" + port + "/a.csv", "ftp://127.0.0.1:" + port + "/a.csv")) {
                assertThatThrownBy(() -> loadCsv(url)).as(url).isInstanceOf(ClientException.class);
            }
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aConfiguredPasswordWinsAndANamedUserReplacesTheDefaultOne() {
        var own = new StorageProperties(dataDir.resolveSibling(dataDir.getFileName() + "-own"));
        var generated = new EmbeddedNeo4j(own, new Neo4jProperties(null, "neo4j", null, 0));
        String first = readPassword(own.neo4jPassword());
        generated.stop();

        var configured = new EmbeddedNeo4j(own, new Neo4jProperties(null, "neo4j", "configured-password-1", 0));
        try {
            assertThat(returnOne(configured.boltUri(), AuthTokens.basic("neo4j", "configured-password-1")))
                    .isEqualTo(1);
            assertThatThrownBy(() -> returnOne(configured.boltUri(), AuthTokens.basic("neo4j", first)))
                    .isInstanceOf(AuthenticationException.class);
        } finally {
            configured.stop();
        }

        var named = new EmbeddedNeo4j(own, new Neo4jProperties(null, "kglab", "configured-password-2", 0));
        try {
            assertThat(returnOne(named.boltUri(), AuthTokens.basic("kglab", "configured-password-2"))).isEqualTo(1);
            for (String password : List.of("neo4j", "configured-password-1", "configured-password-2")) {
                assertThatThrownBy(() -> returnOne(named.boltUri(), AuthTokens.basic("neo4j", password)))
                        .isInstanceOf(AuthenticationException.class);
            }
        } finally {
            named.stop();
        }
    }

    private void loadCsv(String url) {
        try (var driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", storedPassword()));
             var session = driver.session()) {
            session.run("LOAD CSV FROM $url AS line RETURN line", Map.of("url", url)).list();
        }
    }

    private static long returnOne(String uri, AuthToken token) {
        try (var driver = GraphDatabase.driver(uri, token); var session = driver.session()) {
            return session.run("RETURN 1").single().get(0).asLong();
        }
    }

    private String storedPassword() {
        return readPassword(storage.neo4jPassword());
    }

    private static String readPassword(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
