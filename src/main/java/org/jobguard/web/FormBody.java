package org.jobguard.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body decoded strictly as UTF-8. We parse it ourselves
 * because the servlet parser silently replaces bad bytes and caps forms far below a pasted 1 MB ad.
 */
final class FormBody {
    private final Map<String, String> fields;

    private FormBody(Map<String, String> fields) {
        this.fields = fields;
    }

    static FormBody parse(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        int i = 0;
        while (i <= body.length) {
            int amp = indexOf(body, (byte) '&', i);
            int end = amp < 0 ? body.length : amp;
            if (end > i) {
                int eq = indexOf(body, (byte) '=', i);
                if (eq < 0 || eq > end) {
                    fields.putIfAbsent(decode(body, i, end), "");
                } else {
                    fields.putIfAbsent(decode(body, i, eq), decode(body, eq + 1, end));
                }
            }
            if (amp < 0) {
                break;
            }
            i = amp + 1;
        }
        return new FormBody(fields);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static String decode(byte[] b, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '+') {
                out.write(' ');
            } else if (c == '%') {
                if (i + 2 >= to) {
                    throw new BadInput("web.error.bad_form");
                }
                int hi = Character.digit(b[i + 1], 16);
                int lo = Character.digit(b[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    throw new BadInput("web.error.bad_form");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(c);
            }
        }
        return strictUtf8(out.toByteArray());
    }

    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInput("web.error.not_utf8");
        }
    }
}
