package org.kglab.api.rest;

import io.micronaut.http.multipart.StreamingFileUpload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

/**
 * The bytes of the one file of an upload. At its end it checks that no other part named
 * {@code file} follows, so that a second file is refused rather than silently dropped, and refused
 * before anything is stored.
 */
final class SinglePart extends FilterInputStream {

    private final Iterator<StreamingFileUpload> rest;
    private boolean checked;

    SinglePart(InputStream first, Iterator<StreamingFileUpload> rest) {
        super(first);
        this.rest = rest;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        return b == -1 ? atEnd() : b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        return n == -1 ? atEnd() : n;
    }

    private int atEnd() {
        if (!checked) {
            checked = true;
            if (rest.hasNext()) {
                rest.next().discard();
                throw new InvalidUpload("Send one file per upload: this request has more than one part named "
                        + "`file`.");
            }
        }
        return -1;
    }
}
