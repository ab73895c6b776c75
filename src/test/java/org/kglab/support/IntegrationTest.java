package org.kglab.support;

import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Base of the integration tests: the real service against the real PostgreSQL (a database of the
 * suite's own) and a real Neo4j, in-process, with a fresh store per test class. Subclasses add
 * {@code @MicronautTest(transactional = false)} so that HTTP requests see the rows tests write.
 * Per-class lifecycle is what lets Micronaut read {@link #getProperties()} before starting.
 * Both stores are emptied before each test, so tests own their data and never depend on order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IntegrationTest implements TestPropertyProvider {

    protected final Path dataDir = Path.of(System.getProperty("kglab.it.work-dir", "target/it"))
            .resolve(getClass().getSimpleName() + "-" + UUID.randomUUID());

    @Inject
    protected Stores stores;

    @Inject
    protected Api api;

    /** The service's clock; tests that move it on are put back to real time before the next test. */
    @Inject
    protected TestClock clock;

    /** A signed-in user, fresh for each test, whom {@link #api} acts as unless a test says otherwise. */
    protected Api.Session owner;

    @Override
    public Map<String, String> getProperties() {
        var properties = new HashMap<String, String>();
        properties.put("datasources.default.url", TestDatabase.url());
        properties.put("datasources.default.username", TestDatabase.user());
        properties.put("datasources.default.password", "");
        properties.put("kglab.storage.data-dir", dataDir.toString());
        properties.put("kglab.neo4j.embedded-bolt-port", "0");
        // A free port, so that test runs (and a service running on 8080) never collide.
        properties.put("micronaut.server.port", "-1");
        properties.put("kglab.sync.relay.poll-interval", "1s");
        properties.put("kglab.sync.relay.backoff-initial", "50ms");
        properties.put("kglab.sync.relay.backoff-max", "500ms");
        // Jobs are noticed quickly and retried soon, so that tests of them stay fast.
        properties.put("kglab.jobs.poll-interval", "200ms");
        properties.put("kglab.jobs.heartbeat-interval", "1s");
        properties.put("kglab.jobs.backoff-initial", "200ms");
        properties.put("kglab.jobs.backoff-max", "2s");
        properties.put("kglab.jobs.shutdown-wait", "2s");
        // Every test signs users up from one address; only the limit tests keep the real limit.
        if (!keepsTheSignInLimitPerClient()) {
            properties.put("kglab.auth.limits.per-client", "10000");
        }
        // The first upload of a class starts an extraction process, which on a busy machine takes longer than
        // the client's default 10 s.
        properties.put("micronaut.http.client.read-timeout", "60s");
        properties.putAll(extraProperties());
        return properties;
    }

    /** Whether the class tests the real limit of sign-in calls per client, rather than lifting it. */
    protected boolean keepsTheSignInLimitPerClient() {
        return false;
    }

    /** Settings a test class needs beyond the defaults, such as a small upload limit. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @BeforeEach
    void emptyStoresAndSignIn() {
        clock.reset();
        stores.clear();
        owner = api.signUp("owner@example.org");
        api.actAs(owner);
    }
}
