package org.kglab.ingestion;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The file as the extraction process reads it, counting the bytes it takes: each further tenth of the file's
 * size is told to a listener, so that a long extraction shows where it is. The process asks for the bytes as its
 * parser goes; a parser that needs the whole file first (PDF, DOCX) takes them all before it starts.
 */
final class CountingInput extends FilterInputStream {

    /**
     * Told that {@code tenths} (1 to 10) of the file have been read: rising, once each; a read that crosses several
     * tenths tells only the last.
     */
    @FunctionalInterface
    interface Listener {
        void consumed(int tenths);
    }

    private final long size;
    private final Listener listener;
    private long count;
    private int told;

    CountingInput(InputStream in, long size, Listener listener) {
        super(in);
        this.size = size;
        this.listener = listener;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        counted(b < 0 ? 0 : 1, b < 0);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        counted(Math.max(n, 0), n < 0);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped, false);
        return skipped;
    }

    /** No going back: a reset would count the same bytes twice. */
    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int limit) {
        // Not supported (see markSupported).
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset is not supported");
    }

    private void counted(long bytes, boolean ended) {
        count += bytes;
        int tenths = ended || size <= 0 ? 10 : (int) Math.min(10, count * 10 / size);
        if (tenths > told) {
            told = tenths;
            listener.consumed(tenths);
        }
    }
}
