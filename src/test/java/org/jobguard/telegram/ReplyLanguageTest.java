package org.jobguard.telegram;

import org.jobguard.checker.Language;
import org.jobguard.checker.Risk;
import org.jobguard.checker.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReplyLanguageTest {
    private static Verdict read(Language language, Verdict.Kind kind) {
        return new Verdict(Risk.HIGH, 90, 0.9, language, kind, List.of(), List.of(), List.of(), List.of(), null,
                List.of(), List.of());
    }

    @Test
    void aChinesePictureIsAnsweredInTheScriptOfTheUsersTelegramLanguage() {
        // a Simplified screenshot that Tesseract's Traditional model read better comes back in Traditional characters
        assertEquals(Language.ZH_HANS, UpdateRouter.replyLanguage(read(Language.ZH_HANT, Verdict.Kind.MESSAGE),
                Language.ZH_HANS, Optional.empty(), true));
        assertEquals(Language.ZH_HANT, UpdateRouter.replyLanguage(read(Language.ZH_HANS, Verdict.Kind.MESSAGE),
                Language.ZH_HANT, Optional.empty(), true));
    }

    @Test
    void typedTextIsAnsweredInItsOwnLanguageAndAChoiceWins() {
        assertEquals(Language.ZH_HANT, UpdateRouter.replyLanguage(read(Language.ZH_HANT, Verdict.Kind.MESSAGE),
                Language.ZH_HANS, Optional.empty(), false));
        assertEquals(Language.EN, UpdateRouter.replyLanguage(read(Language.EN, Verdict.Kind.MESSAGE),
                Language.ZH_HANS, Optional.empty(), true), "an English picture for a Chinese user stays English");
        assertEquals(Language.EN, UpdateRouter.replyLanguage(read(Language.ZH_HANT, Verdict.Kind.MESSAGE),
                Language.ZH_HANS, Optional.of(Language.EN), true));
        assertEquals(Language.ZH_HANT, UpdateRouter.replyLanguage(read(Language.EN, Verdict.Kind.EMPTY),
                Language.ZH_HANT, Optional.empty(), false), "nothing readable: the user's own");
    }
}
