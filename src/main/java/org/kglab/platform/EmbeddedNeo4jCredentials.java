package org.kglab.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The account of the embedded Neo4j: the configured password ({@code KGLAB_NEO4J_PASSWORD}), or one
 * generated at the first start and kept, owner-only, in a file of the data directory, so that an
 * operator can read it to open Neo4j Browser or cypher-shell. Never logged.
 */
record EmbeddedNeo4jCredentials(String user, String password) {

    static final String DEFAULT_USER = "neo4j";
    /** Neo4j's own minimum ({@code dbms.security.auth_minimum_password_length}). */
    private static final int MIN_PASSWORD_LENGTH = 8;
    /** 256 bits, base64url: 43 characters. */
    private static final int GENERATED_BYTES = 32;
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4jCredentials.class);

    static EmbeddedNeo4jCredentials resolve(Neo4jProperties properties, Path passwordFile) {
        String user = properties.user() == null || properties.user().isBlank() ? DEFAULT_USER : properties.user();
        String configured = properties.password();
        if (configured != null && !configured.isEmpty()) {
            if (configured.length() < MIN_PASSWORD_LENGTH) {
                throw new IllegalStateException("KGLAB_NEO4J_PASSWORD is too short: Neo4j needs at least "
                        + MIN_PASSWORD_LENGTH + " characters.");
            }
            return new EmbeddedNeo4jCredentials(user, configured);
        }
        return new EmbeddedNeo4jCredentials(user, Files.exists(passwordFile) ? read(passwordFile) : generate(passwordFile));
    }

    private static String read(Path file) {
        String password;
        try {
            if (OwnerOnlyFiles.isShared(file)) {
                LOG.warn("The Neo4j password file {} can be read by other users; restrict it with chmod 600",
                        file.toAbsolutePath());
            }
            password = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Neo4j password file " + file.toAbsolutePath(), e);
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("The Neo4j password file " + file.toAbsolutePath() + " holds fewer than "
                    + MIN_PASSWORD_LENGTH + " characters. Delete it to have a new password generated, "
                    + "or put the password in it.");
        }
        return password;
    }

    private static String generate(Path file) {
        byte[] random = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OwnerOnlyFiles.write(file, password + "\n");
        LOG.info("Generated a password for the embedded Neo4j; it is in {}", file.toAbsolutePath());
        return password;
    }

    @Override
    public String toString() {
        return "EmbeddedNeo4jCredentials[user=" + user + "]";
    }
}
