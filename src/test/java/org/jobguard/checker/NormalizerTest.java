package org.jobguard.checker;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NormalizerTest {
    private static final Normalizer NORMALIZER = new Normalizer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "妙 瓦 底|妙瓦底",
        "缅-甸|缅甸",
        "Ｋ Ｋ 园区|kk园区",
        "K K 园 区|kk园区",
        "妙🔥瓦🔥底|妙瓦底",
        "妙\u200b瓦\u200d底|妙瓦底",
        "高薪誠聘，包機票|高薪诚聘包机票",
        "m i a o w a d i|miaowadi",
        "m.i.a.o.w.a.d.i|miaowadi",
        "HIGH-PAY job|high pay job",
        "high💰pay|high pay",
        "加 TG 联系|加tg联系",
        "$1,500/month|$1,500/month",
        "月入３万|月入3万",
        "Ｔｅｌｅｇｒａｍ|telegram",
        "  leading and trailing  |leading and trailing",
        "𝐌𝐲𝐚𝐰𝐚𝐝𝐝𝐲|myawaddy",
        "I am a worker|i am a worker",
        "只加🛩|只加飞机",
        "✈️联系|飞机联系",
        "✈ Flight to Bangkok|飞机flight to bangkok",
    })
    void collapsesEvasions(String input, String expected) {
        assertEquals(expected, NORMALIZER.normalize(input).text());
    }

    @Test
    void mapsEveryCharacterBackToItsOriginalCodePoint() {
        String original = "😀妙 瓦 底 KK";
        NormalizedText n = NORMALIZER.normalize(original);
        assertEquals("妙瓦底kk", n.text());
        int[] span = n.originalSpan(0, 3);
        assertEquals("妙 瓦 底", n.originalSlice(span[0], span[1]));
        assertEquals(1, span[0]);
    }

    @Test
    void aFlagReadsAsItsCountrysNameAndMapsBackToTheWholeFlag() {
        NormalizedText n = NORMALIZER.normalize("CSR needed 🇰🇭 pm");
        assertEquals("csr needed柬埔寨pm", n.text());
        int start = n.text().indexOf('柬');
        int[] span = n.originalSpan(start, start + 3);
        assertEquals("🇰🇭", n.originalSlice(span[0], span[1]));
        // a lone regional indicator, or a pair that is no region, is decoration like any other symbol
        assertEquals("ab", NORMALIZER.normalize("a🇰b").text());
        assertEquals("a b", NORMALIZER.normalize("a 🇿🇿 b").text());
    }

    @Test
    void emptyAndDecorativeOnlyTextsAreBlank() {
        assertEquals("", NORMALIZER.normalize("").text());
        assertEquals("", NORMALIZER.normalize("😀🎉\u200b  ✨").text());
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', value = {
        // Cyrillic і с е, Greek capital Μ
        "Hіring сustomer sеrvice in Μyawaddy, frее flіght|Hiring customer service in Myawaddy, free flight",
        // Cyrillic capital І, Greek capital Ι and Τ: capitals fold to the capital they imitate, then lower case
        "ІNΤΕRVΙΕW|INTERVIEW",
        // Armenian օ ս, Cherokee Ꮋ Ꭵ, Lisu ꓟ, lunate sigma ϲ, Latin small capital ꜱ, dotless ı
        "ꓟyawaddy ϲhat ꜱupport օnlıne Ꮋ Ꭵ ս|Myawaddy chat support online H i u",
        // small capitals, most of which TR #39 does not list
        "ʜɪʀɪɴɢ ᴄʜᴀᴛ ꜱᴜᴘᴘᴏʀᴛ|hiring chat support",
        // mathematical letters, Latin and Greek (𝚳 decomposes to the Greek capital Μ)
        "𝓗𝓲𝓻𝓲𝓷𝓰 𝐢𝐧 𝚳𝐲𝐚𝐰𝐚𝐝𝐝𝐲|Hiring in Myawaddy",
    })
    void lookAlikeLettersReadAsTheLatinOnes(String disguised, String latin) {
        NormalizedText folded = NORMALIZER.normalize(disguised);
        NormalizedText plain = NORMALIZER.normalize(latin);
        assertEquals(plain.text(), folded.text());
        // one code point for one: the offsets into the original are the plain text's
        assertArrayEquals(plain.source(), folded.source());
    }

    @Test
    void aCyrillicOnlyWordIsFoldedToo() {
        // a decision, not an accident: folding by the neighbours would cost the per-character table its one read,
        // and JobGuard does not support Russian (р а о fold, б т have no Latin twin)
        assertEquals("paбoтa", NORMALIZER.normalize("Работа").text());
    }

    @Test
    void lettersThatImitateNothingStayAsTheyWere() {
        // accented Latin; the micro sign, which NFKC makes a Greek μ that ICU's data does not count as a look-alike;
        // the long s, which NFKC makes an s though it looks like f
        assertEquals("café naïve 5μm s", NORMALIZER.normalize("Café naïve 5µm ſ").text());
    }
}
