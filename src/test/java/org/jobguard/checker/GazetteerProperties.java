package org.jobguard.checker;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jobguard.config.PlacesLoader;
import org.jobguard.config.YamlDocument;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever a message holds, finding its places never fails, and noise around or inside a hub's name does not hide it. */
class GazetteerProperties {
    private static final Normalizer NORMALIZER = new Normalizer();
    private static Gazetteer gazetteer;

    @BeforeContainer
    static void load() throws Exception {
        gazetteer = PlacesLoader.load(YamlDocument.parse("config/places.yaml",
                Files.readString(Path.of("config/places.yaml"))), NORMALIZER);
    }

    @Provide
    Arbitrary<String> anything() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().withChars("缅柬老菲迪泰西港妙瓦底台中平KkPpHh去在工作，。 \u200b-'’😀\uD800").ofMaxLength(40));
    }

    @Property(tries = 500)
    void mentionsAreInOrderWithoutOverlapAndInsideTheText(@ForAll("anything") String text) {
        NormalizedText normalized = NORMALIZER.normalize(text);
        List<PlaceMention> found = gazetteer.find(normalized);
        int last = 0;
        for (PlaceMention m : found) {
            assertTrue(m.start() >= last && m.end() > m.start() && m.end() <= normalized.text().length(), m.toString());
            last = m.end();
            int[] span = normalized.originalSpan(m.start(), m.end());
            assertTrue(span[0] >= 0 && span[1] <= text.codePointCount(0, text.length()), m.toString());
        }
    }

    @Provide
    Arbitrary<String> padding() {
        return Arbitraries.strings().withChars("，。！? \n😀").ofMaxLength(5);
    }

    @Provide
    Arbitrary<String> hubNames() {
        return Arbitraries.of("西港", "妙瓦底", "Sihanoukville", "KK园区", "缅北", "亞太新城");
    }

    @Property(tries = 300)
    void aHubNameFramedByPunctuationIsFound(@ForAll("padding") String before, @ForAll("hubNames") String name,
                                            @ForAll("padding") String after) {
        List<PlaceMention> found = gazetteer.find(NORMALIZER.normalize(before + name + after));
        assertEquals(1, found.size(), before + name + after);
        assertEquals(PlaceKind.HUB, found.get(0).kind());
    }

    @Provide
    Arbitrary<String> gap() {
        return Arbitraries.strings().withChars(" \u200b-·").ofMinLength(1).ofMaxLength(2);
    }

    @Property(tries = 200)
    void gapsInsideAChineseHubNameDoNotHideIt(@ForAll("gap") String gap) {
        List<PlaceMention> found = gazetteer.find(NORMALIZER.normalize("招聘客服，地点妙" + gap + "瓦" + gap + "底"));
        assertEquals(List.of("myawaddy"), found.stream().map(PlaceMention::id).toList(), gap);
    }
}
