package org.jobguard.telegram;

import org.jobguard.checker.Language;
import org.jobguard.checker.Verdict;
import org.jobguard.i18n.Messages;
import org.jobguard.patterns.ConfirmedContact;
import org.jobguard.reply.VerdictWording;

import java.util.List;
import java.util.Optional;

/**
 * Turns a verdict into one HTML message that fits Telegram's 4,096-character limit however long the
 * checked text was: headline, forward note, advice and footer always fit; flags fill what is left, and
 * the ones that do not fit are counted. Every fragment of user text is escaped. The wording is
 * {@link VerdictWording}'s, which the command line shares.
 */
final class ReplyComposer {
    /** Telegram's limit; counted on the HTML source, which is never shorter than the text it renders. */
    static final int LIMIT = 4096;

    /** The messages are written in Telegram's HTML: kept as they are; the checked text is escaped. */
    private static final VerdictWording.Markup TELEGRAM_HTML = new VerdictWording.Markup() {
        @Override
        public String message(String text) {
            return text;
        }

        @Override
        public String quote(String text) {
            return Html.escape(text);
        }
    };

    private final Messages messages;
    private final VerdictWording wording;

    ReplyComposer(Messages messages) {
        this.messages = messages;
        this.wording = new VerdictWording(messages, TELEGRAM_HTML);
    }

    String verdict(Verdict v, Language lang, Optional<String> forwardNoteKey) {
        return verdict(v, lang, forwardNoteKey, Optional.empty(), Optional.empty());
    }

    /**
     * @param pictureNoteKey set when the text was read from a picture: a line saying so, under the headline
     * @param known          a contact of the message that reports moderators confirmed as scams carry
     */
    String verdict(Verdict v, Language lang, Optional<String> forwardNoteKey, Optional<String> pictureNoteKey,
                   Optional<ConfirmedContact> known) {
        List<String> head = new java.util.ArrayList<>(wording.head(v, lang, forwardNoteKey));
        pictureNoteKey.ifPresent(k -> head.add(1, messages.get(lang, k)));
        known.ifPresent(k -> head.add(messages.format(lang, "tg.known_contact", "text", messages.counted(lang,
                "known_contact", "kind", messages.get(lang, k.kindKey()), "count", k.reports()))));
        String headText = String.join("\n", head);
        String tailText = String.join("\n\n", wording.tail(v, lang));
        List<String> flagLines = wording.flagLines(v, lang);
        if (flagLines.isEmpty()) {
            return VerdictWording.join(List.of(headText, tailText));
        }
        String title = wording.flagsTitle(lang);
        FlagsBlock flags = flagsBlock(flagLines, lang, LIMIT - headText.length() - tailText.length() - title.length() - 8);
        return VerdictWording.join(List.of(headText, flags.text(), tailText));
    }

    /** The flags' title and as many flag lines as fit in {@code room} characters, then the count of the rest. */
    private record FlagsBlock(String text, int shown) {
    }

    private FlagsBlock flagsBlock(List<String> flagLines, Language lang, int room) {
        StringBuilder flags = new StringBuilder(wording.flagsTitle(lang));
        int shown = 0;
        for (String line : flagLines) {
            String more = wording.moreFlags(lang, flagLines.size() - shown - 1);
            boolean last = shown == flagLines.size() - 1;
            int needed = line.length() + 1 + (last ? 0 : more.length() + 1);
            if (flags.length() + needed > room) {
                break;
            }
            flags.append('\n').append(line);
            shown++;
        }
        if (shown < flagLines.size()) {
            flags.append('\n').append(wording.moreFlags(lang, flagLines.size() - shown));
        }
        return new FlagsBlock(flags.toString(), shown);
    }

    /**
     * Above a demand's help contacts: what it reads as and the phrases that say so, as in every other verdict, in at
     * most {@code budget} characters (the flags that do not fit are counted).
     */
    String demand(Verdict v, Language lang, int budget) {
        String head = String.join("\n", wording.head(v, lang, Optional.empty()));
        // the blank line between head and flags
        FlagsBlock flags = flagsBlock(wording.flagLines(v, lang), lang, budget - head.length() - 2);
        return flags.shown() == 0 ? head : VerdictWording.join(List.of(head, flags.text()));
    }

    /** Discreet mode: one neutral sentence, no evidence (it would repeat the scam's own words). */
    String discreetVerdict(Verdict v, Language lang) {
        return messages.get(lang, "tg.discreet.verdict." + v.risk().id());
    }
}
