package org.jobguard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a FILE or {@code -} as UTF-8; invalid bytes become U+FFFD instead of failing the run. */
final class InputText {
    private InputText() {
    }

    static String read(String source, InputStream stdin) {
        byte[] bytes;
        try {
            bytes = "-".equals(source) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(source));
        } catch (NoSuchFileException e) {
            throw new org.jobguard.config.ConfigException(source, 0, "no such file");
        } catch (IOException e) {
            throw new org.jobguard.config.ConfigException(source, 0, "cannot read: " + e.getMessage());
        }
        return decode(bytes);
    }

    static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            String s = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }
}
