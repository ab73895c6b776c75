package org.kglab.ingestion;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Tells a PDF without text because it is scanned (pages of images, a whole file) from one without
 * text because it is broken. PDFBox reads damaged files leniently and may then find no text at all;
 * such a file must be refused, not stored as if it were an empty document.
 */
final class PdfIntegrity {

    /** The specification asks readers to look for the end-of-file marker within the last 1024 bytes. */
    private static final int TAIL_BYTES = 1024;

    private PdfIntegrity() {
    }

    static boolean isWhole(Path file, Metadata metadata) {
        Integer pages = metadata.getInt(PagedText.N_PAGES);
        return pages != null && pages > 0 && endsWithEofMarker(file);
    }

    private static boolean endsWithEofMarker(Path file) {
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            int length = (int) Math.min(TAIL_BYTES, size);
            ByteBuffer tail = ByteBuffer.allocate(length);
            channel.read(tail, size - length);
            return new String(tail.array(), 0, tail.position(), StandardCharsets.ISO_8859_1).contains("%%EOF");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
