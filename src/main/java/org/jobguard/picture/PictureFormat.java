package org.jobguard.picture;

import java.util.Optional;

/**
 * The picture formats read, told by their first bytes: a file name or a declared type is whatever the sender says,
 * and a decoder fed something else is where image-parsing bugs live.
 */
public enum PictureFormat {
    JPEG, PNG, WEBP;

    public static Optional<PictureFormat> of(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0d && b[5] == 0x0a && b[6] == 0x1a && b[7] == 0x0a) {
            return Optional.of(PNG);
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** The declared MIME types accepted for a picture sent as a file. */
    public static boolean acceptedMimeType(String mime) {
        return mime != null && switch (mime.toLowerCase(java.util.Locale.ROOT)) {
            case "image/jpeg", "image/jpg", "image/png", "image/webp" -> true;
            default -> false;
        };
    }
}
