package org.jobguard.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files only the service's own user may read: the HMAC secret, the login, the pattern database. */
public final class PrivateFiles {
    private PrivateFiles() {
    }

    /**
     * Gives {@code path} the POSIX permissions {@code perms} ("rw-------"). On a file system without POSIX
     * permissions this does nothing: the data directory's own protection has to do.
     */
    public static void restrict(Path path, String perms) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(perms));
        }
    }
}
