package org.kglab.ingestion;

import org.apache.tika.fork.ForkParser;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The classpath of an extraction process: the service's own. Tika starts the process with
 * {@code -cp <dir>/*}, so the directory holds one jar whose manifest lists every entry of this
 * JVM's classpath. That is the fat jar in production, and the build's classes and jars (through a
 * manifest-only jar of its own, under the test runner) in development.
 */
final class ChildClasspath {

    private ChildClasspath() {
    }

    static Path create() {
        try {
            Path dir = Files.createTempDirectory("kglab-extraction-");
            var manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", entries()));
            try (OutputStream out = Files.newOutputStream(dir.resolve("classpath.jar"));
                 var jar = new JarOutputStream(out, manifest)) {
                jar.flush();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the classpath of the extraction processes", e);
        }
    }

    static void delete(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve("classpath.jar"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A few hundred bytes in the temp directory; nothing to act on.
        }
    }

    /** Absolute URIs, so that spaces are escaped and the working directory does not matter. */
    private static Set<String> entries() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath().toUri().toString());
            }
        }
        // Where Tika and this class were loaded from, in case a launcher's classpath does not show them.
        entries.add(codeSource(ForkParser.class));
        entries.add(codeSource(ExtractionProcess.class));
        return entries;
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Unexpected code source of " + type.getName(), e);
        }
    }
}
