package org.kglab.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.inject.Singleton;
import org.kglab.platform.OwnerOnlyFiles;
import org.kglab.platform.StorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashSet;
import java.util.Set;

/**
 * The EC P-256 keys that sign and verify access tokens. The first key of the set signs; every key
 * verifies, so that an operator rotates by putting a new key first and dropping the old one once
 * the tokens it signed have expired. Key material is never logged.
 */
@Singleton
public final class SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

    private final ECKey signingKey;
    private final JWKSet publicJwks;

    SigningKeys(TokenProperties tokens, StorageProperties storage) {
        Path configured = tokens.signingKeysFile();
        // An unset environment variable in the configuration file binds as an empty path, not as null.
        JWKSet keys = configured != null && !configured.toString().isEmpty()
                ? load(configured)
                : loadOrGenerate(storage.dataDir().resolve("keys").resolve("signing-keys.jwks.json"));
        this.signingKey = (ECKey) keys.getKeys().getFirst();
        this.publicJwks = keys.toPublicJWKSet();
    }

    /** The private key that signs new tokens. */
    ECKey signingKey() {
        return signingKey;
    }

    /** Public halves of every key: safe to publish, and all that verification needs. */
    public JWKSet publicJwks() {
        return publicJwks;
    }

    JWKSource<SecurityContext> verificationKeys() {
        return new ImmutableJWKSet<>(publicJwks);
    }

    private static JWKSet loadOrGenerate(Path file) {
        if (Files.exists(file)) {
            return load(file);
        }
        JWKSet generated = new JWKSet(generateKey());
        write(generated, file);
        LOG.info("Generated a new token signing key {} in {}", generated.getKeys().getFirst().getKeyID(),
                file.toAbsolutePath());
        return generated;
    }

    private static JWKSet load(Path file) {
        JWKSet keys;
        try {
            keys = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the token signing keys file " + file.toAbsolutePath()
                    + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (ParseException e) {
            throw new IllegalStateException("The token signing keys file " + file.toAbsolutePath()
                    + " is not a valid JWK Set: " + e.getMessage(), e);
        }
        check(keys, file);
        warnIfShared(file);
        return keys;
    }

    /** Refuses a set that would sign tokens nobody can verify, or verify with a key we cannot match by kid. */
    private static void check(JWKSet keys, Path file) {
        String where = "The token signing keys file " + file.toAbsolutePath();
        if (keys.isEmpty() || !(keys.getKeys().getFirst() instanceof ECKey first) || !first.isPrivate()
                || !Curve.P_256.equals(first.getCurve())) {
            throw new IllegalStateException(where + " must start with a private EC P-256 key, which signs tokens.");
        }
        Set<String> kids = new HashSet<>();
        for (JWK key : keys.getKeys()) {
            if (!(key instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
                throw new IllegalStateException(where + " holds a key that is not EC P-256: " + key.getKeyID());
            }
            if (key.getKeyID() == null || !kids.add(key.getKeyID())) {
                throw new IllegalStateException(where + " holds a key without a kid, or two keys with one kid.");
            }
            if ((key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse()))
                    || (key.getAlgorithm() != null && !JWSAlgorithm.ES256.equals(key.getAlgorithm()))) {
                throw new IllegalStateException(where + " holds key " + key.getKeyID()
                        + " that is not for ES256 signatures (use must be sig, alg ES256).");
            }
        }
    }

    private static ECKey generateKey() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an EC P-256 signing key", e);
        }
    }

    /** Written whole or not at all, readable by the owner only from the moment it exists. */
    private static void write(JWKSet keys, Path file) {
        try {
            OwnerOnlyFiles.write(file, keys.toString(false));
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("Cannot write the token signing keys file " + file.toAbsolutePath(),
                    e.getCause());
        }
    }

    private static void warnIfShared(Path file) {
        try {
            if (OwnerOnlyFiles.isShared(file)) {
                LOG.warn("The token signing keys file {} can be read by other users; restrict it with chmod 600",
                        file.toAbsolutePath());
            }
        } catch (IOException e) {
            LOG.debug("Cannot read the permissions of {}", file, e);
        }
    }
}
