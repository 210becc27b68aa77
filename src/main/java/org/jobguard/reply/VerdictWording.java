package org.jobguard.reply;

import org.jobguard.checker.Explanation;
import org.jobguard.checker.Language;
import org.jobguard.checker.Risk;
import org.jobguard.checker.Verdict;
import org.jobguard.i18n.Messages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of a verdict for a person: headline, each flag quoting its evidence with its explanation, advice.
 * The bot and the command line both say it this way, so that a verdict reads the same wherever it is asked
 * for; each brings its own {@link Markup}, and the bot fits the parts into Telegram's length limit itself.
 */
public final class VerdictWording {
    /** A quote longer than this is cut: it only has to show which words were meant. */
    private static final int EVIDENCE_CODE_POINTS = 80;

    /**
     * How the texts are marked up. The messages are written in Telegram's HTML; the checked text is the
     * user's own, so it is escaped where HTML is the output and left as it is elsewhere.
     */
    public interface Markup {
        /** A text from {@code messages/}, before its placeholders are filled. */
        String message(String text);

        /** A fragment of the checked text. */
        String quote(String text);
    }

    private static final Pattern TAG = Pattern.compile("<[^<>]*>");

    /** For a terminal or a file: the messages' tags dropped, the checked text as it is. */
    public static final Markup PLAIN_TEXT = new Markup() {
        @Override
        public String message(String text) {
            return TAG.matcher(text).replaceAll("");
        }

        @Override
        public String quote(String text) {
            return text;
        }
    };

    private final Messages messages;
    private final Markup markup;

    public VerdictWording(Messages messages, Markup markup) {
        this.messages = messages;
        this.markup = markup;
    }

    /** The risk line, then the note on where a forwarded message came from, then a confirmed pattern it matches. */
    public List<String> head(Verdict v, Language lang, Optional<String> forwardNoteKey) {
        List<String> head = new ArrayList<>();
        // a demand or a plea is no job ad: its risk line says what it is (Verdict.Kind#namesItself)
        head.add(text(lang, v.kind().namesItself() ? "tg.headline." + v.kind().id() : "tg.headline." + v.risk().id()));
        forwardNoteKey.ifPresent(k -> head.add(text(lang, k)));
        if (v.knownPattern() != null) {
            head.add(markup.message(messages.counted(lang, "tg.known_pattern", "count", v.knownPattern().confirmedCount())));
        }
        return head;
    }

    /** What to do, and for a verdict without risk the reminder that no checker proves an offer safe. */
    public List<String> tail(Verdict v, Language lang) {
        List<String> tail = new ArrayList<>();
        if (!v.adviceKeys().isEmpty()) {
            StringBuilder advice = new StringBuilder(text(lang, "tg.advice.title"));
            for (String key : v.adviceKeys()) {
                advice.append("\n• ").append(text(lang, key));
            }
            tail.add(advice.toString());
        }
        if (v.risk() == Risk.NONE) {
            tail.add(text(lang, "tg.none.note"));
        }
        return tail;
    }

    public String flagsTitle(Language lang) {
        return text(lang, "tg.flags.title");
    }

    /** The line that counts the flags left out. */
    public String moreFlags(Language lang, int count) {
        return text(lang, "tg.flags.more", "count", count);
    }

    /**
     * One line per explanation (a category's, or the model's wording's: a recruiter's, a demand's, an offshore
     * company's), in the checker's order, quoting every distinct piece of evidence.
     */
    public List<String> flagLines(Verdict v, Language lang) {
        String separator = text(lang, "tg.flag.evidence_separator");
        List<String> lines = new ArrayList<>();
        for (Explanation e : Explanation.of(v)) {
            // two long quotes can read the same once cut
            Set<String> quotes = new LinkedHashSet<>();
            for (String q : e.quotes()) {
                quotes.add(markup.quote(shorten(q, EVIDENCE_CODE_POINTS)));
            }
            String key = e.messageKey();
            String explanation = messages.has(Language.EN, key) ? text(lang, key) : text(lang, "tg.flag.generic");
            lines.add(text(lang, "tg.flag.line",
                    "explanation", explanation, "evidence", String.join(separator, quotes)));
        }
        return lines;
    }

    /**
     * The whole reply where no length limit applies, every flag shown, parts separated by a blank line. A
     * warning or news report gets the bot's thanks and an empty text its request for one; a ransom demand
     * gets the verdict (the bot answers it with help contacts, which the {@code contacts} command gives).
     */
    public String whole(Verdict v, Language lang) {
        if (v.kind() == Verdict.Kind.EMPTY) {
            return text(lang, "tg.empty");
        }
        if (v.kind() == Verdict.Kind.AWARENESS) {
            return text(lang, "tg.awareness");
        }
        List<String> parts = new ArrayList<>();
        parts.add(String.join("\n", head(v, lang, Optional.empty())));
        List<String> flags = flagLines(v, lang);
        if (!flags.isEmpty()) {
            parts.add(flagsTitle(lang) + "\n" + String.join("\n", flags));
        }
        parts.addAll(tail(v, lang));
        return join(parts);
    }

    /** Non-empty parts separated by a blank line. */
    public static String join(List<String> parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            if (b.length() > 0) {
                b.append("\n\n");
            }
            b.append(p);
        }
        return b.toString();
    }

    /** A message in the output's markup; the placeholders are filled after the markup, so a quote is never taken for it. */
    public String text(Language lang, String key, Object... nameValuePairs) {
        return Messages.fill(markup.message(messages.get(lang, key)), nameValuePairs);
    }

    /** At most {@code max} code points, never cutting a surrogate pair, with an ellipsis when cut. */
    static String shorten(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
