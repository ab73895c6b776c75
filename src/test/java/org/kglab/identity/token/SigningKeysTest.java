package org.kglab.identity.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kglab.platform.StorageProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SigningKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void generatesOneEs256KeyNamedByItsThumbprintOnFirstStart() throws Exception {
        ECKey key = defaultKeys().signingKey();

        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getCurve()).isEqualTo(Curve.P_256);
        assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
        assertThat(Files.exists(defaultFile())).isTrue();
    }

    @Test
    void persistsTheGeneratedKeyReadableByItsOwnerOnly() throws Exception {
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        defaultKeys();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(defaultFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(defaultFile().getParent())))
                .isEqualTo("rwx------");
        try (var files = Files.list(defaultFile().getParent())) {
            assertThat(files).containsExactly(defaultFile());
        }
    }

    @Test
    void reloadsTheSameKeyOnTheNextStart() {
        ECKey first = defaultKeys().signingKey();
        ECKey second = defaultKeys().signingKey();

        assertThat(second).isEqualTo(first);
        assertThat(second.getD()).isEqualTo(first.getD());
    }

    @Test
    void publishesPublicKeysOnly() {
        JWKSet published = defaultKeys().publicJwks();

        assertThat(published.getKeys()).hasSize(1).noneMatch(JWK::isPrivate);
        assertThat(published.containsNonPublicKeys()).isFalse();
        assertThat(published.toString(false)).doesNotContain("\"d\"");
        assertThat(published.getKeys()).allSatisfy(key -> assertThat(key.toJSONObject()).doesNotContainKey("d"));
    }

    @Test
    void signsWithTheFirstKeyOfAConfiguredSetAndVerifiesWithAll() throws Exception {
        ECKey newest = newKey("newest");
        ECKey older = newKey("older");
        Path file = write(new JWKSet(List.of(newest, older)));

        SigningKeys keys = configured(file);

        assertThat(keys.signingKey()).isEqualTo(newest);
        assertThat(keys.publicJwks().getKeys()).extracting(JWK::getKeyID).containsExactly("newest", "older");
        assertThat(keys.publicJwks().getKeys()).noneMatch(JWK::isPrivate);
        assertThat(Files.exists(defaultFile())).isFalse();
    }

    @Test
    void acceptsOlderKeysThatArePublicOnly() throws Exception {
        Path file = write(new JWKSet(List.of(newKey("newest"), newKey("older").toPublicJWK())));

        assertThat(configured(file).publicJwks().getKeys()).hasSize(2);
    }

    @Test
    void treatsAnEmptyConfiguredPathAsUnset() {
        configured(Path.of(""));

        assertThat(Files.exists(defaultFile())).isTrue();
    }

    @Test
    void failsNamingTheConfiguredFileWhenItDoesNotExist() {
        Path missing = dataDir.resolve("nowhere").resolve("keys.json");

        assertThatThrownBy(() -> configured(missing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString());
        assertThat(Files.exists(defaultFile())).isFalse();
    }

    @Test
    void failsNamingTheFileWhenItIsNotAJwkSet() throws Exception {
        Path file = Files.writeString(dataDir.resolve("keys.json"), "{not json");

        assertThatThrownBy(() -> configured(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("not a valid JWK Set");
    }

    @Test
    void failsWhenTheSetHasNoPrivateSigningKey() throws Exception {
        Path empty = write(new JWKSet());
        assertThatThrownBy(() -> configured(empty)).hasMessageContaining("must start with a private EC P-256 key");

        Path publicOnly = write(new JWKSet(newKey("k").toPublicJWK()));
        assertThatThrownBy(() -> configured(publicOnly)).hasMessageContaining("must start with a private EC P-256 key");

        Path otherCurve = write(new JWKSet(new ECKeyGenerator(Curve.P_384).keyID("k").generate()));
        assertThatThrownBy(() -> configured(otherCurve)).hasMessageContaining("must start with a private EC P-256 key");
    }

    @Test
    void failsWhenTheSetHoldsAKeyThatCannotVerifyOurTokens() throws Exception {
        Path rsa = write(new JWKSet(List.of(newKey("k"), new RSAKeyGenerator(2048).keyID("rsa").generate())));
        assertThatThrownBy(() -> configured(rsa)).hasMessageContaining("not EC P-256: rsa");

        Path noKid = write(new JWKSet(List.of(newKey("k"), new ECKeyGenerator(Curve.P_256).generate())));
        assertThatThrownBy(() -> configured(noKid)).hasMessageContaining("without a kid");

        Path sameKid = write(new JWKSet(List.of(newKey("k"), newKey("k"))));
        assertThatThrownBy(() -> configured(sameKid)).hasMessageContaining("two keys with one kid");

        Path forEncryption = write(new JWKSet(new ECKeyGenerator(Curve.P_256).keyID("k").keyUse(KeyUse.ENCRYPTION)
                .generate()));
        assertThatThrownBy(() -> configured(forEncryption)).hasMessageContaining("not for ES256 signatures");
    }

    @Test
    void failureMessagesNeverContainKeyMaterial() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").keyUse(KeyUse.ENCRYPTION).generate();
        Path file = write(new JWKSet(key));

        assertThatThrownBy(() -> configured(file))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key.getD().toString(),
                        key.getX().toString()));
    }

    static ECKey newKey(String kid) throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).keyID(kid)
                .generate();
    }

    static TokenProperties properties(@Nullable Path signingKeysFile) {
        return new TokenProperties("kglab", "kglab-api", Duration.ofMinutes(15), Duration.ofDays(30),
                Duration.ofSeconds(30), signingKeysFile);
    }

    private Path write(JWKSet keys) throws Exception {
        return Files.writeString(Files.createTempFile(dataDir, "keys", ".json"), keys.toString(false));
    }

    private SigningKeys defaultKeys() {
        return configured(null);
    }

    private SigningKeys configured(@Nullable Path file) {
        return new SigningKeys(properties(file), new StorageProperties(dataDir));
    }

    private Path defaultFile() {
        return dataDir.resolve("keys").resolve("signing-keys.jwks.json");
    }
}
