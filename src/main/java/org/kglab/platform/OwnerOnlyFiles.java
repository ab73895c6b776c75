package org.kglab.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Secrets the service keeps on disk: readable by its own user only, from the moment they exist. */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    /**
     * Writes {@code text} whole or not at all: into a temporary file created with mode 0600 in the
     * same directory, then renamed into place. A crash leaves no half-written secret behind.
     * A missing parent directory is created owner-only.
     */
    public static void write(Path file, String text) {
        Path dir = directoryOf(file);
        boolean posix = isPosix(dir);
        try {
            Path above = dir.getParent();
            if (above != null) {
                Files.createDirectories(above);
            }
            if (!Files.isDirectory(dir)) {
                if (posix) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
                } else {
                    Files.createDirectory(dir);
                }
            }
            Path temp = posix
                    ? Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
                            PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                    : Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file.toAbsolutePath(), e);
        }
    }

    /** True when others than the owner may read or write the file (always false off POSIX). */
    public static boolean isShared(Path file) throws IOException {
        return isPosix(directoryOf(file))
                && !OWNER_ONLY_FILE.containsAll(Files.getPosixFilePermissions(file));
    }

    /** The directory a file lives in; only a file system root has none, and a root is not a file. */
    private static Path directoryOf(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null) {
            throw new IllegalArgumentException(file + " is a file system root, not a file.");
        }
        return dir;
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
