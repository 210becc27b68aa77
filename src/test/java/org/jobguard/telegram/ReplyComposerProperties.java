package org.jobguard.telegram;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jobguard.checker.Category;
import org.jobguard.checker.Language;
import org.jobguard.checker.RedFlag;
import org.jobguard.checker.Risk;
import org.jobguard.checker.Severity;
import org.jobguard.checker.Verdict;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever the checker finds, the reply fits one Telegram message and carries no unescaped user markup. */
class ReplyComposerProperties {
    private final ReplyComposer composer = new ReplyComposer(BotHarness.MESSAGES);

    @Property(tries = 300)
    void everyReplyFitsAndEscapesEvidence(@ForAll("verdicts") Verdict v, @ForAll Language lang) {
        String html = composer.verdict(v, lang, Optional.of("tg.forwarded.channel"));
        assertTrue(html.length() <= ReplyComposer.LIMIT, "length " + html.length());
        assertFalse(html.contains("<x") || html.contains("&y;"), "raw user markup in: " + html);
        assertTrue(html.startsWith(BotHarness.MESSAGES.get(lang, "tg.headline." + v.risk().id())));
        if (!v.flags().isEmpty()) {
            assertTrue(html.contains("<i>"), "at least one piece of evidence is quoted");
        }
    }

    @Property(tries = 200)
    void aDemandsWhyFitsWhatTheContactsLeaveAndEscapesEvidence(@ForAll("verdicts") Verdict v, @ForAll Language lang,
                                                             @ForAll @IntRange(min = 120, max = 4096) int budget) {
        Verdict demand = new Verdict(Risk.HIGH, v.score(), v.probability(), v.language(), Verdict.Kind.RANSOM,
                v.flags(), List.of(), v.adviceKeys(), List.of(), null, List.of(), List.of());
        String html = composer.demand(demand, lang, budget);
        assertTrue(html.length() <= budget, "length " + html.length() + " over " + budget);
        assertFalse(html.contains("<x") || html.contains("&y;"), "raw user markup in: " + html);
        assertTrue(html.startsWith(BotHarness.MESSAGES.get(lang, "tg.headline.ransom")));
    }

    @Provide
    Arbitrary<Verdict> verdicts() {
        Arbitrary<String> evidence = Arbitraries.strings().withChars("ab<>&;x y护照😀\"'").ofMinLength(1)
                .ofMaxLength(400);
        Arbitrary<RedFlag> flag = Combinators.combine(evidence, Arbitraries.of(Category.class),
                        Arbitraries.of(Severity.class))
                .as((e, c, s) -> new RedFlag(c.id() + ".t", c, s, e, 0, e.codePointCount(0, e.length()),
                        c.messageKey()));
        return Combinators.combine(Arbitraries.of(Risk.class), flag.list().ofMaxSize(300),
                        Arbitraries.of("advice.keep_passport", "advice.verify_company", "advice.tell_family")
                                .list().ofMaxSize(4))
                .as((risk, flags, advice) -> new Verdict(risk, flags.size(), flags.size() / 100.0, Language.EN,
                        Verdict.Kind.MESSAGE, flags, List.of(), advice, List.of(), null, List.of(), List.of()));
    }
}
