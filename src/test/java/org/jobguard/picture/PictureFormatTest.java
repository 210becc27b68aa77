package org.jobguard.picture;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PictureFormatTest {
    static byte[] encoded(String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), format, out), format);
        return out.toByteArray();
    }

    @Test
    void jpegPngAndWebpAreToldByTheirFirstBytes() throws IOException {
        assertEquals(Optional.of(PictureFormat.JPEG), PictureFormat.of(encoded("jpeg")));
        assertEquals(Optional.of(PictureFormat.PNG), PictureFormat.of(encoded("png")));
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Optional.of(PictureFormat.WEBP), PictureFormat.of(webp));
    }

    @Test
    void otherFormatsAndTruncatedHeadersAreNotPictures() throws IOException {
        assertEquals(Optional.empty(), PictureFormat.of(encoded("gif")));
        assertEquals(Optional.empty(), PictureFormat.of(encoded("bmp")));
        assertEquals(Optional.empty(), PictureFormat.of("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), PictureFormat.of(new byte[0]));
        assertEquals(Optional.empty(), PictureFormat.of(new byte[] {(byte) 0xff, (byte) 0xd8}), "a JPEG cut after 2 bytes");
        byte[] png = encoded("png");
        assertEquals(Optional.empty(), PictureFormat.of(java.util.Arrays.copyOf(png, 7)), "a PNG cut inside its signature");
        assertEquals(Optional.empty(), PictureFormat.of("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1)),
                "a RIFF file that is not WebP (a WAV sound)");
    }

    @Test
    void onlyThePictureTypesReadAreAcceptedAsDeclaredTypes() {
        for (String mime : new String[] {"image/jpeg", "image/jpg", "image/png", "image/webp", "IMAGE/PNG"}) {
            assertTrue(PictureFormat.acceptedMimeType(mime), mime);
        }
        for (String mime : new String[] {"image/gif", "image/heic", "application/pdf", "text/plain", "", null}) {
            assertFalse(PictureFormat.acceptedMimeType(mime), String.valueOf(mime));
        }
    }
}
