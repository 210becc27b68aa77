package org.jobguard.picture;

import java.util.regex.Pattern;

/**
 * Tesseract's Chinese models put a space between every two characters ("高 薪 招 聘"), and around the digits and
 * punctuation among them ("月薪 2 万 +", "地點 : 金邊"): those spaces are not in the picture, and a quote with them
 * reads wrong to the person. Spaces with a Chinese character or punctuation mark on one side and one of those, a
 * digit or an ASCII punctuation mark on the other are dropped; spaces between Latin words, and between a Latin word
 * and Chinese ("加 TG"), stay; runs of blank lines become one.
 */
final class RecognisedText {
    private static final String CJK = "[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201f\\u2026]";
    private static final String BESIDE_CJK = "(?:" + CJK + "|[0-9,.:;!?+%])";
    private static final Pattern SPACE_BETWEEN_CJK = Pattern.compile(
            "(?<=" + CJK + ")[ \\t]+(?=" + BESIDE_CJK + ")|(?<=" + BESIDE_CJK + ")[ \\t]+(?=" + CJK + ")");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*(\\n[ \\t]*)+");

    private RecognisedText() {
    }

    static String tidy(String raw) {
        String text = raw.replace("\f", "\n").replace("\r", "");
        text = SPACE_BETWEEN_CJK.matcher(text).replaceAll("");
        text = BLANK_LINES.matcher(text).replaceAll("\n");
        return text.strip();
    }
}
