package org.kglab.ingestion;

/** Client-supplied file names are only ever used as a fallback title; keep them tidy and short. */
final class FileNames {

    private static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    static String clean(String fileName) {
        if (fileName == null) {
            return "";
        }
        // Browsers on some systems send a full path; the last segment is the name.
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
    }
}
