package org.jobguard.web;

import org.jobguard.checker.Verdict;

import java.util.List;
import java.util.Optional;

/**
 * The try-it page's model.
 *
 * @param text          what was checked (the pasted text, cut to the limit when too long)
 * @param langOption    {@code auto} or a language tag, as chosen in the form
 * @param originalChars code points pasted; more than {@code text} holds when the text was cut
 * @param empty         the form was sent with nothing to check
 */
public record TryItView(String text, String langOption, Optional<Verdict> verdict,
                        List<EvidenceHighlight.Segment> segments, int originalChars, int checkedChars,
                        boolean empty) {

    public static TryItView blank() {
        return new TryItView("", "auto", Optional.empty(), List.of(), 0, 0, false);
    }

    public boolean truncated() {
        return originalChars > checkedChars;
    }

    public List<String> langOptions() {
        return List.of("auto", "zh-Hans", "zh-Hant", "en");
    }
}
