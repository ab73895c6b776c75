package org.kglab.ingestion;

import java.util.Locale;

/** Byte counts the way people read them in messages. */
public final class Sizes {

    private static final double MB = 1024.0 * 1024.0;

    private Sizes() {
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%d KB", Math.round(bytes / 1024.0));
        }
        double mb = bytes / MB;
        return mb >= 10 || mb == Math.rint(mb)
                ? String.format(Locale.ROOT, "%d MB", Math.round(mb))
                : String.format(Locale.ROOT, "%.1f MB", mb);
    }
}
