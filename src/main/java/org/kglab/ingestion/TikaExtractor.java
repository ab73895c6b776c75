package org.kglab.ingestion;

import jakarta.inject.Singleton;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Detects a file's type from its bytes, here, and extracts its text, title and structure (headings, pages)
 * with Apache Tika in an extraction process ({@link ForkedParsers}), bounded in time and memory.
 */
@Singleton
final class TikaExtractor {

    /** Named in each document's provenance, e.g. "tika 3.3.1". */
    static final String NAME = org.apache.tika.Tika.getString().replace("Apache Tika", "tika").strip();

    /** Containers Tika recognises as password-protected Office files. */
    private static final Set<String> ENCRYPTED_TYPES = Set.of(
            "application/x-tika-ooxml-protected", "application/x-tika-msoffice-protected");

    private final Detector detector;
    private final ForkedParsers parsers;
    private final ExtractionLimits limits;

    TikaExtractor(ForkedParsers parsers, ExtractionLimits limits) {
        this.detector = TikaConfig.getDefaultConfig().getDetector();
        this.parsers = parsers;
        this.limits = limits;
    }

    /** {@code read} is told each further tenth of the file that the extraction process has taken. */
    Extraction extract(Path file, String fileName, CountingInput.Listener read) {
        SupportedType type = detect(file, fileName);
        var metadata = new Metadata();
        // Picks the parser in the extraction process; set from our own detection.
        metadata.set(Metadata.CONTENT_TYPE, type.parseAs().toString());
        // No limit of its own: the extraction process stops sending text at the character limit.
        var handler = StructureRecorder.create();
        boolean truncated = false;
        long started = System.nanoTime();
        try (var in = new CountingInput(Files.newInputStream(file), Files.size(file), read)) {
            parsers.parser().parse(in, handler, metadata, new ParseContext());
        } catch (IOException e) {
            ChildOutcome outcome = ChildOutcome.of(e).orElseThrow(() -> new UncheckedIOException(e));
            switch (outcome) {
                case TRUNCATED -> truncated = true;
                case EXPANDS_TOO_MUCH -> throw limits.expandsTooMuch(file, e);
                case ENCRYPTED -> throw ExtractionLimits.encrypted(e);
                case UNREADABLE -> throw ExtractionLimits.unreadable(type, e);
            }
        } catch (TikaException e) {
            // Tika's words for a process that went away mid-parse: stopped at the timeout, or out of memory.
            if (e.getCause() instanceof IOException) {
                throw limits.processEnded(Duration.ofNanos(System.nanoTime() - started), e);
            }
            throw ExtractionLimits.unreadable(type, e);
        } catch (SAXException e) {
            throw ExtractionLimits.unreadable(type, e);
        }
        StructureRecorder.Structure structure = handler.result();
        String text = structure.text();
        if (text.isEmpty() && type == SupportedType.PDF && !PdfIntegrity.isWhole(file, metadata)) {
            throw new ExtractionFailed("The PDF yields no text and is damaged: it is cut off or its pages cannot be "
                    + "read. Upload the complete file.", null);
        }
        // Tika reads Markdown as plain text: its headings are found in the text itself.
        var headings = type == SupportedType.MARKDOWN ? MarkdownHeadings.of(text) : structure.headings();
        return new Extraction(type.mediaType().toString(), Titles.of(type, metadata, text, fileName), text,
                truncated, text.isEmpty(), headings, structure.pageStarts());
    }

    /**
     * The media type of an upload, from its bytes, checked before it is accepted: a type this service does
     * not read is refused at once. An encrypted Office file is accepted here and fails in extraction, like
     * every other file whose content cannot be read.
     */
    String detectForUpload(Path file, String fileName) {
        MediaType detected = detectRaw(file);
        if (ENCRYPTED_TYPES.contains(detected.getBaseType().toString())) {
            return detected.getBaseType().toString();
        }
        return SupportedType.of(detected, fileName)
                .orElseThrow(() -> new UnsupportedFileType(detected.getBaseType().toString()))
                .mediaType().toString();
    }

    private MediaType detectRaw(Path file) {
        // Deliberately no file name in the metadata: the bytes decide what a file is.
        try (TikaInputStream in = TikaInputStream.get(file)) {
            return detector.detect(in, new Metadata());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SupportedType detect(Path file, String fileName) {
        MediaType detected;
        // Deliberately no file name in the metadata: the bytes decide what a file is.
        try (TikaInputStream in = TikaInputStream.get(file)) {
            detected = detector.detect(in, new Metadata());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (ENCRYPTED_TYPES.contains(detected.getBaseType().toString())) {
            throw ExtractionLimits.encrypted(null);
        }
        return SupportedType.of(detected, fileName)
                .orElseThrow(() -> new UnsupportedFileType(detected.getBaseType().toString()));
    }
}
