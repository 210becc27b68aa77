package org.jobguard.web;

import org.jobguard.checker.Explanation;
import org.jobguard.checker.Risk;
import org.jobguard.checker.Verdict;
import org.jobguard.contacts.HelpAnswer;
import org.jobguard.patterns.ConfirmedContact;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The try-it page's model.
 *
 * @param text          what was checked (the pasted text, cut to the limit when too long)
 * @param langOption    {@code auto} or a language tag, as chosen in the form
 * @param originalChars code points pasted; more than {@code text} holds when the text was cut
 * @param empty         the form was sent with nothing to check
 * @param help          help contacts for the place the text names, shown with a high-risk or ransom verdict,
 *                      those the reader can dial from where they are first
 * @param reported      the visitor just told us this verdict was wrong
 * @param choices       the places and nationalities the directory knows, for asking what the text did not say
 * @param knownContact  a contact of the text that reports moderators confirmed as scams carry
 * @param upload        the picture upload next to the text box, and what came of a picture just read
 */
public record TryItView(String text, String langOption, Optional<Verdict> verdict,
                        List<EvidenceHighlight.Segment> segments, int originalChars, int checkedChars,
                        boolean empty, Optional<HelpAnswer> help, boolean reported, Choices choices,
                        Optional<ConfirmedContact> knownContact, Upload upload) {

    /**
     * @param on     pictures are read on this server (Tesseract is installed)
     * @param mb     the largest picture accepted
     * @param notice the message key saying what came of the picture just sent (read, unreadable, ...); empty if none
     */
    public record Upload(boolean on, int mb, String notice) {
        public boolean fromPicture() {
            return notice.equals("web.try.picture_note");
        }
    }

    /** The answers the contacts page offers to "where is the person?" and "whose citizen?". */
    public record Choices(List<String> locations, List<String> nationalities) {
        public static final Choices NONE = new Choices(List.of(), List.of());
    }

    /** The notes that ask the reader something; only a family's box asks, and it brings the fields to answer. */
    private static final Set<String> QUESTIONS = Set.of("contacts.note.location_unknown",
            "contacts.note.nationality_unknown");

    public static TryItView blank() {
        return new TryItView("", "auto", Optional.empty(), List.of(), 0, 0, false, Optional.empty(), false, Choices.NONE,
                Optional.empty(), new Upload(false, 0, ""));
    }

    public static TryItView empty(String langOption) {
        return new TryItView("", langOption, Optional.empty(), List.of(), 0, 0, true, Optional.empty(), false,
                Choices.NONE, Optional.empty(), new Upload(false, 0, ""));
    }

    public TryItView with(Upload u) {
        return new TryItView(text, langOption, verdict, segments, originalChars, checkedChars, empty, help, reported,
                choices, knownContact, u);
    }

    /**
     * A ransom demand or a plea from someone held: a family's page. Anything else flagged is an offer read by someone
     * who has not left.
     */
    public boolean someoneHeld() {
        return verdict.map(v -> v.kind().someoneHeld()).orElse(false);
    }

    /**
     * One list of steps a page: the families' steps for a ransom demand (the help box's, which the verdict's own
     * would only repeat in other words), the verdict's before-you-go steps for an offer.
     */
    public List<String> adviceKeys() {
        if (someoneHeld() && help.isPresent()) {
            return help.get().adviceKeys();
        }
        return verdict.map(Verdict::adviceKeys).orElse(List.of());
    }

    /** The false-alarm button says what the page took the text for: a demand, someone held, or an offer. */
    public String reportFalsePositiveKey() {
        return someoneHeld() ? "web.try.report_fp_" + verdict.get().kind().id() : "web.try.report_fp";
    }

    public String adviceTitleKey() {
        return switch (verdict.map(Verdict::kind).orElse(Verdict.Kind.EMPTY)) {
            case RANSOM, HELD -> "web.try.advice_family";
            case MESSAGE -> "web.try.advice_before";
            default -> "web.try.advice";
        };
    }

    /**
     * The help box without its steps (they are {@link #adviceKeys()}); for an offer also without the questions about
     * where the person is and whose citizen: the job seeker is asking about themselves, not about someone held.
     */
    public Optional<HelpAnswer> helpBox() {
        return help.map(h -> new HelpAnswer(h.location(), h.place(), h.nationality(), h.contacts(),
                someoneHeld() ? h.noteKeys() : h.noteKeys().stream().filter(k -> !QUESTIONS.contains(k)).toList(),
                List.of()));
    }

    /** A family's box that lacks the place or the nationality asks for them, with the fields to answer. */
    public boolean asksWhereAndWho() {
        return someoneHeld() && help.map(HelpAnswer::incomplete).orElse(false) && !choices.locations().isEmpty();
    }

    /** A verdict can be reported wrong when it flagged something, or when it missed what the visitor calls a scam. */
    public boolean canReportFalsePositive() {
        return verdict.map(v -> v.risk().atLeast(Risk.MEDIUM)).orElse(false);
    }

    public boolean canReportMissed() {
        return verdict.map(v -> !v.risk().atLeast(Risk.HIGH)).orElse(false);
    }

    public boolean truncated() {
        return originalChars > checkedChars;
    }

    /**
     * One explanation with every phrase it covers ({@link Explanation}).
     *
     * @param severity the strongest of its flags
     */
    public record Finding(String messageKey, String severity, String category, List<String> quotes) {
    }

    public List<Finding> findings() {
        return verdict.map(v -> Explanation.of(v).stream()
                .map(e -> new Finding(e.messageKey(), e.strongest().severity().id(), e.strongest().category().id(),
                        e.quotes()))
                .toList()).orElse(List.of());
    }

    public List<String> langOptions() {
        return List.of("auto", "zh-Hans", "zh-Hant", "en");
    }
}
