package org.jobguard.checker;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Per-character normalization of the Basic Multilingual Plane: NFKC, look-alike letters of other scripts folded to
 * Latin, lower case and Traditional → Simplified, plus the character's role for evasion collapsing and the script
 * bits the language guess counts. A table keeps the hot path to one array read per character. It is computed at
 * build time by {@link CharTableSource} and read from the jar in a few milliseconds.
 */
final class CharTable {
    static final byte DROP = 0;   // zero-width, format and combining characters: vanish
    static final byte SEP = 1;    // whitespace, emoji, symbols, joiners: a soft gap
    static final byte PUNCT = 2;  // punctuation kept between words (matters for "$1,500/month", "t.me")
    static final byte WORD = 3;   // letters and digits of space-separated scripts
    static final byte CJK = 4;    // Han, kana, hangul: no spaces between words

    /** Script bits above the role in {@link #packed}: what the language guess counts. */
    static final int HAN_BIT = 1 << 24;
    static final int TRADITIONAL_BIT = 1 << 25;
    static final int SIMPLIFIED_BIT = 1 << 26;
    static final int LATIN_BIT = 1 << 27;

    /**
     * What ✈ and 🛩 read as: Chinese recruiters call Telegram "飞机" (its logo is a paper plane) and write the
     * emoji for it, "只加🛩", "✈️联系"; as a symbol it would be a mere gap and the phrase would be lost.
     */
    static final String AIRPLANE_WORD = "飞机";
    /** ✈, in the table itself (see {@link CharTableSource}). */
    static final char AIRPLANE = '\u2708';
    /** 🛩, outside the table's plane: the normalizer maps it itself. */
    static final int SMALL_AIRPLANE = 0x1F6E9;

    static final String RESOURCE = "/org/jobguard/checker/chartable.bin.gz";
    private static final int FORMAT = 1;

    /**
     * Script bits from bit 24, role in bits 16-23 and the output when it is exactly one character (else 0) in
     * bits 0-15: the hot path reads one int per character.
     */
    private final int[] packed;
    /** The output of characters whose packed output is 0: NFKC expansions such as "㎏" → "kg"; null otherwise. */
    private final String[] longer;

    CharTable(int[] packed, String[] longer) {
        this.packed = packed;
        this.longer = longer;
    }

    /** Read once per JVM; immutable after construction, so sharing is safe. */
    private static final class Shared {
        static final CharTable INSTANCE = load();
    }

    static CharTable shared() {
        return Shared.INSTANCE;
    }

    private static CharTable load() {
        try (InputStream raw = CharTable.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException(RESOURCE + " is missing: it is built by `mvn process-classes`");
            }
            return decode(new DataInputStream(new GZIPInputStream(raw, 1 << 16)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(FORMAT);
            for (int p : packed) {
                out.writeInt(p);
            }
            int count = (int) Arrays.stream(longer).filter(s -> s != null).count();
            out.writeInt(count);
            for (int c = 0; c < longer.length; c++) {
                if (longer[c] != null) {
                    out.writeChar(c);
                    out.writeUTF(longer[c]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static CharTable decode(DataInputStream in) throws IOException {
        if (in.readInt() != FORMAT) {
            throw new IllegalStateException(RESOURCE + " has an unknown format: rebuild with `mvn process-classes`");
        }
        byte[] body = in.readNBytes(0x10000 * 4);
        int[] packed = new int[0x10000];
        java.nio.ByteBuffer.wrap(body).asIntBuffer().get(packed);
        String[] longer = new String[0x10000];
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            longer[in.readChar()] = in.readUTF();
        }
        return new CharTable(packed, longer);
    }

    static boolean isCjk(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO;
    }

    String output(char c) {
        return longer[c];
    }

    /** Script bits from bit 24, the role in bits 16-23, the single output character (or 0) in bits 0-15. */
    int packed(char c) {
        return packed[c];
    }

    /**
     * {@link #packed} for every character, for the normalizer's loop to hold in a local: read through the table
     * object, the JIT loads the field again at every character (the loop calls out on its rare paths). Not to be
     * written to.
     */
    int[] packedByCharacter() {
        return packed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CharTable t && Arrays.equals(packed, t.packed) && Arrays.equals(longer, t.longer);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(packed);
    }
}
