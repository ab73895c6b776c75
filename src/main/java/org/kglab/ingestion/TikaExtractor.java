package org.kglab.ingestion;

import jakarta.inject.Singleton;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.kglab.platform.UploadProperties;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

/** Detects a file's type from its bytes and extracts its text and title with Apache Tika. */
@Singleton
final class TikaExtractor {

    /** Containers Tika recognises as password-protected Office files. */
    private static final Set<String> ENCRYPTED_TYPES = Set.of(
            "application/x-tika-ooxml-protected", "application/x-tika-msoffice-protected");

    private final Detector detector;
    /** Picks the parser from the Content-Type in the metadata, which is set from our own detection. */
    private final Parser parser;
    private final int maxTextChars;

    TikaExtractor(UploadProperties upload) {
        TikaConfig config = TikaConfig.getDefaultConfig();
        this.detector = config.getDetector();
        this.parser = config.getParser();
        this.maxTextChars = upload.maxTextChars();
    }

    Extraction extract(Path file, String fileName) {
        SupportedType type = detect(file, fileName);
        var metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, type.parseAs().toString());
        var handler = new BodyContentHandler(maxTextChars);
        boolean truncated = false;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            parser.parse(in, handler, metadata, new ParseContext());
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw unreadable(type, e);
            }
            truncated = true;
        } catch (EncryptedDocumentException e) {
            throw encrypted(e);
        } catch (TikaException | RuntimeException e) {
            throw unreadable(type, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Extraction(type.mediaType().toString(), titleOf(metadata, fileName), handler.toString().strip(),
                truncated);
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
            throw encrypted(null);
        }
        return SupportedType.of(detected, fileName)
                .orElseThrow(() -> new UnsupportedFileType(detected.getBaseType().toString()));
    }

    private static String titleOf(Metadata metadata, String fileName) {
        String title = metadata.get(TikaCoreProperties.TITLE);
        if (title != null && !title.isBlank()) {
            return title.strip();
        }
        return fileName.isBlank() ? "Untitled" : fileName;
    }

    private static ExtractionFailed encrypted(Throwable cause) {
        return new ExtractionFailed("The document is encrypted or password-protected, so its text cannot be read. "
                + "Upload an unprotected copy.", cause);
    }

    private static ExtractionFailed unreadable(SupportedType type, Throwable cause) {
        return new ExtractionFailed("The file looks like " + type.mediaType() + " but could not be read: it may be "
                + "corrupt or truncated.", cause);
    }
}
