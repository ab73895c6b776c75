package org.kglab.ingestion;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.tika.fork.ForkParser;
import org.apache.tika.fork.ParserFactoryFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The pool of extraction processes: Tika's {@link ForkParser}, each process a JVM of its own with a
 * small heap that exits on running out of it, and a watchdog that ends a parse at the timeout. The
 * service's heap only ever holds the text, which the process cuts at the character limit.
 */
@Singleton
final class ForkedParsers {

    private final ForkParser parser;
    private final Path classpathDir;

    ForkedParsers(ExtractionProperties extraction, UploadProperties upload) {
        this.classpathDir = ChildClasspath.create();
        this.parser = new ForkParser(classpathDir, new ParserFactoryFactory(ExtractionProcess.class.getName(),
                Map.of(ExtractionProcess.MAX_CHARS, String.valueOf(upload.maxTextChars()),
                        ExtractionProcess.MAX_RATIO, String.valueOf(extraction.maxExpansionRatio()))));
        parser.setJavaCommand(javaCommand(extraction));
        parser.setPoolSize(extraction.processes());
        parser.setServerParseTimeoutMillis(extraction.timeout().toMillis());
        parser.setServerWaitTimeoutMillis(extraction.idleTimeout().toMillis());
        parser.setServerPulseMillis(Math.min(1000, extraction.timeout().toMillis() / 4));
    }

    ForkParser parser() {
        return parser;
    }

    private static List<String> javaCommand(ExtractionProperties extraction) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java,
                "-Xmx" + extraction.heapMb() + "m",
                // A process out of memory is of no further use; the service sees it gone and answers 422.
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC",
                "-Xss1m",
                "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Duser.home=" + System.getProperty("user.home"));
    }

    @PreDestroy
    void close() {
        parser.close();
        ChildClasspath.delete(classpathDir);
    }
}
