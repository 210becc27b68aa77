package org.jobguard.privacy;

import java.util.List;

/**
 * Texts built to make a regular-expression engine slow: long runs that nearly match an e-mail address, a
 * link, a phone number or a cue, each about {@value #LENGTH} characters (the try-it page's cut). A
 * backtracking engine took seconds on several and overflowed its stack on {@code "a."} repeated; the
 * redactor must take milliseconds on each. The test suite asserts they finish; {@code bench} prints the time.
 */
public final class AdversarialTexts {
    public static final int LENGTH = 20_000;

    public record Text(String name, String text) {
    }

    private AdversarialTexts() {
    }

    public static List<Text> all() {
        return List.of(
                repeated("a.", "a."),
                repeated("a@", "a@"),
                repeated("digits", "1"),
                repeated("dots", "."),
                repeated("dashes", "-"),
                repeated("letters", "a"),
                repeated("digit space", "1 "),
                repeated("digit dash", "1-"),
                repeated("seven digits and a letter", "1234567a"),
                repeated("mobile numbers", "13812345678 "),
                repeated("mixed", "a.1-@ "),
                repeated("a.b@", "a.b@"),
                repeated("@a", "@a"),
                repeated("spelled at", "a at "),
                repeated("spelled dot", "a dot "),
                repeated("links", "x.com "),
                repeated("scheme", "http://"),
                repeated("Han cue", "微信"),
                new Text("cue then spaces", cut("tel" + " ".repeat(LENGTH))),
                new Text("name cue then spaces", cut("my name is" + " ".repeat(LENGTH))),
                repeated("every cue", "tel qq line tg passport card wx v: 我是李 找张经理 mr. a my name is the I'm 0x1 a@b.c http://x 护照 身份证 id "),
                new Text("flagged bot message of a.", "包机票，到了再签合同，妙瓦底 " + "a.".repeat(2_000)),
                // aimed at the checker's rule regexes (gaps of up to 80 characters after a money word) and its places
                repeated("money words", "pay usd money "),
                repeated("Han amounts", "万钱就"),
                repeated("release words", "release him "),
                repeated("one-character places", "去缅"),
                // every mention of a hub used to become a flag that later steps went over, per n-gram (130 ms)
                repeated("hub names", "柬埔寨 "),
                // 2,000 flags: as JSON with escapes a longer run is over the API's 64 KB body limit
                new Text("flags", "🇰🇭".repeat(2_000)),
                repeated("emoji and crosses", "✈️❌\n"),
                // a warning's word inside one long word: each hit once read the word back to its start (a denial?)
                repeated("cue inside a word", "scam"),
                new Text("long word then a denial", cut("x".repeat(LENGTH - 12) + " not a scam")),
                // every flag looks for the quotation around it
                repeated("opening quotation marks", "“包机票 '"),
                // a digit-led amount reads back over the number it continues; a resale or a fee for a return
                // looks ahead over words
                new Text("digits then an amount", cut("1".repeat(LENGTH - 2) + "0万")),
                repeated("amounts in a number", "10万20u30w"),
                repeated("sell then words", "sell the a b c to "),
                new Text("sell then a long word", cut("sell " + "a".repeat(LENGTH))),
                repeated("return fee words", "遣返解救缴纳支付"),
                // a relative, then who demands, read on for up to 120 characters across sentences at each relative
                repeated("relative then who demands", "sister they want "),
                // a passport kept, said verb first: each "keep" looks back for who keeps it and ahead for what follows
                repeated("keep the passports", "they keep the passports "),
                repeated("passport then a keeper", "passport held with company "));
    }

    private static Text repeated(String name, String unit) {
        return new Text(name, cut(unit.repeat(LENGTH / unit.length() + 1)));
    }

    private static String cut(String s) {
        return s.length() > LENGTH ? s.substring(0, LENGTH) : s;
    }
}
