package org.kglab.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The suite's own PostgreSQL database: created on first use, dropped when the test JVM exits.
 * Every test class migrates it through Flyway exactly as the service does.
 */
public final class TestDatabase {

    private static final String ADMIN_URL =
            System.getProperty("kglab.it.pg.admin-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getProperty("kglab.it.pg.user", "postgres");
    private static final String NAME = "kglab_test_" + ProcessHandle.current().pid();

    private static volatile boolean created;

    private TestDatabase() {
    }

    public static String url() {
        ensureCreated();
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + NAME;
    }

    public static String user() {
        return USER;
    }

    private static synchronized void ensureCreated() {
        if (created) {
            return;
        }
        admin("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
        admin("CREATE DATABASE " + NAME);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> admin("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)")));
        created = true;
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + " is required for the integration tests: "
                    + e.getMessage(), e);
        }
    }
}
