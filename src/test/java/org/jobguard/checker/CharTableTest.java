package org.jobguard.checker;

import org.junit.jupiter.api.Test;

import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CharTableTest {
    @Test
    void theTableInTheJarEqualsAFreshComputation() {
        assertEquals(CharTableSource.compute(), CharTable.shared(),
                "the character table resource is stale: rebuild with mvn process-classes");
    }

    @Test
    void expansionsAndScriptsSurviveTheRoundTrip() {
        CharTable table = CharTable.shared();
        assertEquals("kg", table.output('㎏'));
        assertEquals('这', (char) table.packed('這'));
        assertEquals(CharTable.TRADITIONAL_BIT, table.packed('這') & CharTable.TRADITIONAL_BIT);
        assertEquals(CharTable.CJK, (byte) (table.packed('這') >>> 16));
        assertNotNull(table.output('\0'));
    }

    @Test
    void lookAlikeLettersAreFoldedToTheLatinLetterInTheirCase() {
        CharTable table = CharTable.shared();
        // Cyrillic с е і, Greek capital Μ (its lower case μ looks like u and stays), Lisu ꓟ, lunate sigma ϲ
        assertEquals("c e i m μ m c", outputs(table, "с е і Μ μ ꓟ ϲ"));
        // TR #39 gives I and l one skeleton: the Cyrillic capital І is an I, the palochka ӏ an l
        assertEquals("i l", outputs(table, "І ӏ"));
        // NFKC already had an answer for the long s, though it looks like f
        assertEquals("s", outputs(table, "ſ"));
        // people's own writing, not disguises: Myanmar ဝ, Thai ๐, Arabic ا, Hebrew ס, Han 丶, Katakana ノ
        assertEquals("ဝ ๐ ا ס 丶 ノ", outputs(table, "ဝ ๐ ا ס 丶 ノ"));
        assertEquals(CharTable.LATIN_BIT, table.packed('с') & CharTable.LATIN_BIT, "a disguised word is English");
    }

    @Test
    void foldingChangesNothingButLookAlikeLettersOutsideLatin1AndCjk() {
        CharTable unfolded = CharTableSource.compute(new char[0x10000]);
        CharTable table = CharTable.shared();
        int folded = 0;
        for (int c = 0; c < 0x10000; c++) {
            char ch = (char) c;
            if (table.packed(ch) == unfolded.packed(ch) && Objects.equals(table.output(ch), unfolded.output(ch))) {
                continue;
            }
            folded++;
            String seen = String.format("U+%04X %s -> %s", c, ch, output(table, ch));
            // ASCII, Latin-1, CJK, CJK punctuation and full-width forms: what Chinese and English messages are made of
            assertFalse(c < 0x100 || CharTable.isCjk(c) || (c >= 0x3000 && c < 0x3040) || (c >= 0xFF00 && c < 0xFFF0),
                    seen);
            assertTrue(output(table, ch).matches("[a-z]"), seen);
            assertEquals(CharTable.WORD, (byte) (table.packed(ch) >>> 16), seen);
        }
        assertTrue(folded > 200, folded + " look-alikes folded");
    }

    private static String output(CharTable table, char c) {
        char one = (char) table.packed(c);
        return one != 0 ? String.valueOf(one) : table.output(c);
    }

    private static String outputs(CharTable table, String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c == ' ' ? " " : output(table, c));
        }
        return out.toString();
    }
}
