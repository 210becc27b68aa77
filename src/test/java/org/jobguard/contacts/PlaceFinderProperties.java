package org.jobguard.contacts;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jobguard.config.ContactsLoader;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Whatever a relative types, looking it up never fails, and noise around a place name does not hide it. */
class PlaceFinderProperties {
    private static HelpDirectory directory;

    @BeforeContainer
    static void load() {
        directory = new ContactsLoader(Clock.systemUTC()).load(Path.of("config", "contacts.yaml"));
    }

    @Provide
    Arbitrary<String> anything() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().withChars("妙瓦底西港金边KkＫ园區 \u200b-·😀\uD800中国人").ofMaxLength(30));
    }

    @Property(tries = 300)
    void anyTextIsAnsweredWithoutError(@ForAll("anything") String text) {
        HelpAnswer answer = directory.answer(text);
        assertNotNull(answer.contacts());
        assertEquals(HelpAnswer.ADVICE, answer.adviceKeys());
    }

    @Provide
    Arbitrary<String> padding() {
        return Arbitraries.strings().withChars("，。！? \n😀").ofMaxLength(5);
    }

    @Property(tries = 200)
    void aPlaceNameFramedByPunctuationIsFound(@ForAll("padding") String before, @ForAll("padding") String after) {
        Mention m = directory.find(before + "妙瓦底" + after);
        assertEquals(Optional.of("MM"), m.location());
        assertEquals(Optional.of("myawaddy"), m.place().map(Place::id));
    }
}
