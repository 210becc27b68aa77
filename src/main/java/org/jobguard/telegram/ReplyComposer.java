package org.jobguard.telegram;

import org.jobguard.checker.Category;
import org.jobguard.checker.Language;
import org.jobguard.checker.RedFlag;
import org.jobguard.checker.Risk;
import org.jobguard.checker.Verdict;
import org.jobguard.i18n.Messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a verdict into one HTML message that fits Telegram's 4,096-character limit however long the
 * checked text was: headline, forward note, advice and footer always fit; flags fill what is left, and
 * the ones that do not fit are counted. Every fragment of user text is escaped.
 */
final class ReplyComposer {
    /** Telegram's limit; counted on the HTML source, which is never shorter than the text it renders. */
    static final int LIMIT = 4096;
    private static final int EVIDENCE_CODE_POINTS = 80;

    private final Messages messages;

    ReplyComposer(Messages messages) {
        this.messages = messages;
    }

    String verdict(Verdict v, Language lang, Optional<String> forwardNoteKey) {
        List<String> head = new ArrayList<>();
        head.add(messages.get(lang, "tg.headline." + v.risk().id()));
        forwardNoteKey.ifPresent(k -> head.add(messages.get(lang, k)));
        if (v.knownPattern() != null) {
            head.add(messages.format(lang, "tg.known_pattern", "count", v.knownPattern().confirmedCount()));
        }

        List<String> tail = new ArrayList<>();
        if (!v.adviceKeys().isEmpty()) {
            StringBuilder advice = new StringBuilder(messages.get(lang, "tg.advice.title"));
            for (String key : v.adviceKeys()) {
                advice.append("\n• ").append(messages.get(lang, key));
            }
            tail.add(advice.toString());
        }
        if (v.risk() == Risk.NONE) {
            tail.add(messages.get(lang, "tg.none.note"));
        }

        List<String> flagLines = flagLines(v, lang);
        String headText = String.join("\n", head);
        String tailText = String.join("\n\n", tail);
        if (flagLines.isEmpty()) {
            return join(headText, tailText);
        }
        String title = messages.get(lang, "tg.flags.title");
        int budget = LIMIT - headText.length() - tailText.length() - title.length() - 8;
        StringBuilder flags = new StringBuilder(title);
        int shown = 0;
        for (String line : flagLines) {
            String more = messages.format(lang, "tg.flags.more", "count", flagLines.size() - shown - 1);
            boolean last = shown == flagLines.size() - 1;
            int needed = line.length() + 1 + (last ? 0 : more.length() + 1);
            if (flags.length() + needed > budget) {
                break;
            }
            flags.append('\n').append(line);
            shown++;
        }
        if (shown < flagLines.size()) {
            flags.append('\n').append(messages.format(lang, "tg.flags.more", "count", flagLines.size() - shown));
        }
        return join(headText, flags.toString(), tailText);
    }

    /** Discreet mode: one neutral sentence, no evidence (it would repeat the scam's own words). */
    String discreetVerdict(Verdict v, Language lang) {
        return messages.get(lang, "tg.discreet.verdict." + v.risk().id());
    }

    /** One line per category, in the checker's order, quoting every distinct piece of evidence. */
    private List<String> flagLines(Verdict v, Language lang) {
        Map<Category, Set<String>> evidence = new LinkedHashMap<>();
        Map<Category, String> keys = new LinkedHashMap<>();
        for (RedFlag f : v.flags()) {
            evidence.computeIfAbsent(f.category(), c -> new LinkedHashSet<>())
                    .add(Html.escape(Html.shorten(f.evidence(), EVIDENCE_CODE_POINTS)));
            keys.putIfAbsent(f.category(), f.messageKey());
        }
        String separator = messages.get(lang, "tg.flag.evidence_separator");
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Category, Set<String>> e : evidence.entrySet()) {
            String key = keys.get(e.getKey());
            String explanation = messages.has(Language.EN, key) ? messages.get(lang, key)
                    : messages.get(lang, "tg.flag.generic");
            lines.add(messages.format(lang, "tg.flag.line",
                    "explanation", explanation, "evidence", String.join(separator, e.getValue())));
        }
        return lines;
    }

    private static String join(String... parts) {
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
}
