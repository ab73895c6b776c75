package org.kglab.ingestion;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.SecureContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Runs inside an extraction process: the parser picked by the declared Content-Type, with Tika's
 * limits on output around it. The text stops at the character limit (a {@code WriteLimitReachedException}
 * tells the service it was cut), and text that grows far beyond the file's size is a compression bomb.
 */
final class BoundedParser implements Parser {

    private static final long OUTPUT_THRESHOLD_CHARS = 1_000_000;

    private final Parser delegate;
    private final int maxChars;
    private final long maxRatio;

    BoundedParser(Parser delegate, int maxChars, long maxRatio) {
        this.delegate = delegate;
        this.maxChars = maxChars;
        this.maxRatio = maxRatio;
    }

    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
        return delegate.getSupportedTypes(context);
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException, TikaException {
        try (var temporary = new TemporaryResources()) {
            TikaInputStream in = TikaInputStream.get(stream, temporary, metadata);
            if (!readsAsItGoes(metadata)) {
                // Spooled to a local file first, so that the bomb check compares the text with the real size.
                in.getPath();
            }
            var secure = new SecureContentHandler(new WriteOutContentHandler(handler, maxChars), in);
            secure.setOutputThreshold(OUTPUT_THRESHOLD_CHARS);
            secure.setMaximumCompressionRatio(maxRatio);
            context.set(PDFParserConfig.class, pdfConfig());
            try {
                delegate.parse(in, secure, metadata, context);
            } catch (SAXException e) {
                throw outcomeOf(secure, e);
            } catch (EncryptedDocumentException e) {
                throw ChildOutcome.ENCRYPTED.exception(String.valueOf(e.getMessage()));
            } catch (TikaException | IOException | RuntimeException e) {
                throw (isZipBomb(e) ? ChildOutcome.EXPANDS_TOO_MUCH : ChildOutcome.UNREADABLE)
                        .exception(String.valueOf(e.getMessage()));
            }
        }
    }

    private static IOException outcomeOf(SecureContentHandler secure, SAXException e) {
        if (WriteLimitReachedException.isWriteLimitReached(e)) {
            return ChildOutcome.TRUNCATED.exception("the character limit was reached");
        }
        try {
            secure.throwIfCauseOf(e);
        } catch (TikaException bomb) {
            return ChildOutcome.EXPANDS_TOO_MUCH.exception(String.valueOf(e.getMessage()));
        }
        return ChildOutcome.UNREADABLE.exception(String.valueOf(e.getMessage()));
    }

    /**
     * Text and HTML are parsed as they are read: the service sees how much of the file is read, so that is how far
     * the parse is. They do not expand, so the bomb check may as well compare with the bytes read so far. Archives
     * (DOCX) and PDFs are read whole first, by their parsers too.
     */
    private static boolean readsAsItGoes(Metadata metadata) {
        String type = metadata.get(Metadata.CONTENT_TYPE);
        return type != null && type.startsWith("text/");
    }

    /** POI says so in words only: "Zip bomb detected!", for the inflation ratio and for the entry size alike. */
    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb detected")) {
                return true;
            }
        }
        return false;
    }

    private static PDFParserConfig pdfConfig() {
        var config = new PDFParserConfig();
        // Text only: no inline images, no annotations' files, no incremental-update archaeology.
        config.setExtractInlineImages(false);
        config.setParseIncrementalUpdates(false);
        config.setMaxIncrementalUpdates(1);
        return config;
    }
}
