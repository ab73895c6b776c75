package org.kglab.ingestion;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParserFactory;

import java.util.Map;

/**
 * Builds the parser inside an extraction process (see {@link ForkedParsers}); it never runs in the
 * service itself. Tika instantiates it by name, hence public with this constructor. The limits set
 * here are process-wide, which is why they belong in a process that does nothing else.
 */
public final class ExtractionProcess extends ParserFactory {

    static final String MAX_CHARS = "maxChars";
    static final String MAX_RATIO = "maxRatio";
    /** The largest part of a DOCX (or any zip container) that is inflated at all. */
    static final long MAX_ZIP_ENTRY_BYTES = 100L * 1024 * 1024;

    private final int maxChars;
    private final long maxRatio;

    public ExtractionProcess(Map<String, String> args) {
        super(args);
        this.maxChars = Integer.parseInt(args.get(MAX_CHARS));
        this.maxRatio = Long.parseLong(args.get(MAX_RATIO));
    }

    @Override
    public Parser build() {
        Parser parser = TikaConfig.getDefaultConfig().getParser();
        // After the parsers are loaded: Tika's OOXML parser switches POI's inflation-ratio check off as it
        // loads, counting on its own check of the text instead, which XML without text passes. Here POI
        // refuses any part of a zip container that inflates more than maxRatio times, or past a size.
        ZipSecureFile.setMinInflateRatio(1.0 / maxRatio);
        ZipSecureFile.setMaxEntrySize(MAX_ZIP_ENTRY_BYTES);
        return new BoundedParser(parser, maxChars, maxRatio);
    }
}
