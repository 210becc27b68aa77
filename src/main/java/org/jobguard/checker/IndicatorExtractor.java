package org.jobguard.checker;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds recruiter contact points in the original text: links, Telegram links, handles, e-mails, phone numbers
 * (with their country, via libphonenumber) and crypto wallets. Offsets are code points, like flags.
 */
public final class IndicatorExtractor {
    private static final Pattern TELEGRAM = Pattern.compile(
            "(?i)(?:https?://)?(?:t\\.me|telegram\\.me|telegram\\.dog)/(?:joinchat/|\\+)?[A-Za-z0-9_+-]{3,64}");
    private static final Set<String> TOP_LEVEL_DOMAINS = Set.of("com", "net", "org", "me", "io", "cc", "xyz", "top",
            "vip", "app", "info", "biz", "co", "kh", "mm", "la", "th", "ph", "cn", "hk", "tw", "my", "vn", "id", "in", "ke",
            "site", "online", "shop", "club", "link", "ly", "gl", "to");
    private static final Pattern WALLET = Pattern.compile(
            "\\b(T[1-9A-HJ-NP-Za-km-z]{33}|0x[a-fA-F0-9]{40}|bc1[a-z0-9]{25,59}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})\\b");
    private static final Pattern SALARY_RANGE = Pattern.compile("\\d{3,6}\\s?[-–~]\\s?\\d{3,6}");
    private static final Pattern LEADING_RANGE =
            Pattern.compile("([1-9]\\d{2,5})\\s?[-–~]\\s?([1-9]\\d{2,5})(?![-–~]?\\d)");
    private static final Comparator<Indicator> BY_START = Comparator.comparingInt(Indicator::start);
    private static final String[] PHONE_REGIONS = {"CN", "MM", "TH"};

    /**
     * libphonenumber costs about 0.1 ms a number and more on a long window: a text of 20,000 characters made of
     * phone numbers took 200 ms as one window. A message with more numbers than this is a list, not an ad, and its
     * first ones are enough to link reports.
     */
    static final int MAX_PHONE_PARSES = 20;
    /** digits in one window handed to libphonenumber: two numbers in a row, whatever separates them */
    static final int MAX_RUN_DIGITS = 30;

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    /**
     * The thread's copy of the text's characters for the first look at every one of them (String.charAt asks the
     * string's coding and checks the index at every character)
     */
    private final ThreadLocal<TextCopy> characters = ThreadLocal.withInitial(TextCopy::new);

    public List<Indicator> extract(String text) {
        List<Indicator> found = new ArrayList<>();
        Taken taken = new Taken(text);
        // each pattern is costly to run over every position; cheap character tests skip the hopeless ones
        boolean dot = text.indexOf('.') >= 0;
        boolean at = text.indexOf('@') >= 0;
        int run = 0;
        int longestRun = 0;
        // the digits of the current chain (digits with at most two phone separators between neighbours, as digitRun
        // reads them) and the separators since its last digit: a message whose longest chain is under 7 digits has no
        // phone number to look for, and most have none, so digitRun's pass over the text is not made for them
        int chain = 0;
        int gap = 0;
        boolean phoneRun = false;
        // digitRun reads from (at or before) the start of the first chain of 7 digits to the end of the last one, not
        // the whole text: in a message whose only such chain is a salary range, the rest of the text is read for nothing
        int chainStart = 0;
        int phonesFrom = 0;
        int phonesTo = 0;
        char[] chars = characters.get().of(text);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            // most characters of most messages are CJK: one comparison settles them
            if (c < 0x80) {
                boolean digit = c >= '0' && c <= '9';
                run = digit || isAsciiLetter(c) ? run + 1 : 0;
                if (digit) {
                    if (gap > 2) {
                        chain = 0;
                        chainStart = i;
                    }
                    chain++;
                    gap = 0;
                    if (chain >= 7) {
                        phonesFrom = phoneRun ? phonesFrom : chainStart;
                        phonesTo = i + 1;
                        phoneRun = true;
                    }
                } else {
                    // a chain already broken stays broken until the next digit: no separator test for it
                    gap = gap <= 2 && isPhoneSeparator(c) ? gap + 1 : 3;
                }
            } else if (c >= '０' && c <= '９') {
                run++;
                if (gap > 2) {
                    chain = 0;
                    chainStart = i;
                }
                chain++;
                gap = 0;
                if (chain >= 7) {
                    phonesFrom = phoneRun ? phonesFrom : chainStart;
                    phonesTo = i + 1;
                    phoneRun = true;
                }
            } else {
                run = 0;
                gap = gap <= 2 && c == '–' ? gap + 1 : 3;
                continue;
            }
            longestRun = Math.max(longestRun, run);
        }
        if (dot) {
            findTelegramLinks(text, found, taken);
        }
        if (dot && at) {
            findEmails(text, found, taken);
        }
        if (dot) {
            findUrls(text, found, taken);
        }
        if (at) {
            findHandles(text, found, taken);
        }
        if (longestRun >= 26) {
            find(text, WALLET, found, taken, Indicator.Type.WALLET);
        }
        int parsed = 0;
        for (int from = phonesFrom; from < phonesTo && parsed < MAX_PHONE_PARSES; ) {
            int[] run7 = digitRun(chars, phonesTo, from);
            if (run7 == null) {
                break;
            }
            if (looksLikePhone(text, run7[0], text.substring(run7[0], run7[1]))) {
                findPhones(text, Math.max(0, run7[0] - 6), run7[1], found, taken);
                parsed++;
            }
            from = run7[1];
        }
        if (found.size() > 1) {
            found.sort(BY_START);
        }
        return found;
    }

    /**
     * Links found from their dots outward: a dot followed by a known top-level domain, then the host to the left
     * and the path to the right. A regex trying every start position costs ten times more.
     */
    private static void findUrls(String text, List<Indicator> found, Taken taken) {
        int n = text.length();
        for (int dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            int tldEnd = dot + 1;
            while (tldEnd < n && isAsciiLetter(text.charAt(tldEnd))) {
                tldEnd++;
            }
            if (tldEnd == dot + 1 || (tldEnd < n && isHostChar(text.charAt(tldEnd)) && text.charAt(tldEnd) != '.')
                    || !TOP_LEVEL_DOMAINS.contains(text.substring(dot + 1, tldEnd).toLowerCase(Locale.ROOT))) {
                continue;
            }
            int start = dot;
            while (start > 0 && isHostChar(text.charAt(start - 1))) {
                start--;
            }
            if (start == dot) {
                continue;
            }
            if (start >= 3 && text.startsWith("://", start - 3)) {
                int scheme = start - 3;
                while (scheme > 0 && isAsciiLetter(text.charAt(scheme - 1))) {
                    scheme--;
                }
                start = scheme;
            }
            int end = tldEnd;
            if (end < n && (text.charAt(end) == '/' || text.charAt(end) == ':')) {
                while (end < n && isPathChar(text.charAt(end))) {
                    end++;
                }
            }
            String value = trimTrailing(text.substring(start, end));
            end = start + value.length();
            if (taken.overlaps(start, end)) {
                dot = Math.max(dot, end - 1);
                continue;
            }
            taken.add(start, end);
            found.add(new Indicator(Indicator.Type.URL, value, canonical(Indicator.Type.URL, value),
                    detail(Indicator.Type.URL, value), taken.codePoints(start), taken.codePoints(end)));
            dot = Math.max(dot, end - 1);
        }
    }

    /**
     * E-mail addresses found from their '@' outward; a regex starting at every word would walk back over up
     * to 64 characters at each of them.
     */
    private static void findEmails(String text, List<Indicator> found, Taken taken) {
        int n = text.length();
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int start = at;
            while (start > 0 && at - start < 64 && isLocalPartChar(text.charAt(start - 1))) {
                start--;
            }
            int end = at + 1;
            while (end < n && end - at <= 253 && isHostChar(text.charAt(end))) {
                end++;
            }
            while (end > at + 1 && text.charAt(end - 1) == '.') {
                end--;
            }
            int lastDot = text.lastIndexOf('.', end - 1);
            if (start == at || lastDot <= at + 1 || end - lastDot - 1 < 2
                    || !text.substring(lastDot + 1, end).chars().allMatch(c -> isAsciiLetter((char) c))
                    || taken.overlaps(start, end)) {
                continue;
            }
            add(text, found, taken, Indicator.Type.EMAIL, start, end);
            at = end - 1;
        }
    }

    /** {@code @handle}: 4-32 word characters after an '@' that does not sit inside a word or an address. */
    private static void findHandles(String text, List<Indicator> found, Taken taken) {
        int n = text.length();
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            // letters may come right before it ("联系@boss", "私聊TG@boss"): e-mail addresses are taken already
            if (at > 0) {
                char before = text.charAt(at - 1);
                if (before >= '0' && before <= '9' || before == '_' || before == '@' || before == '.'
                        || before == '/') {
                    continue;
                }
            }
            if (at + 1 >= n || !isAsciiLetter(text.charAt(at + 1))) {
                continue;
            }
            int end = at + 2;
            while (end < n && end - at <= 32 && isHandleChar(text.charAt(end))) {
                end++;
            }
            int length = end - at - 1;
            if (length < 4 || (end < n && isHandleChar(text.charAt(end))) || taken.overlaps(at, end)) {
                continue;
            }
            add(text, found, taken, Indicator.Type.HANDLE, at, end);
        }
    }

    private static void add(String text, List<Indicator> found, Taken taken, Indicator.Type type, int start,
                            int end) {
        String value = text.substring(start, end);
        taken.add(start, end);
        found.add(new Indicator(type, value, canonical(type, value), detail(type, value),
                taken.codePoints(start), taken.codePoints(end)));
    }

    private static boolean isLocalPartChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isHandleChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isHostChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }

    private static boolean isPathChar(char c) {
        return c > ' ' && c < 127 && c != '<' && c != '>' && c != '"' && c != '\'';
    }

    /**
     * Telegram links found from their dots: "t.me/" or "telegram." in any case, with a scheme right before it;
     * the regex then reads the rest from there. Run from every position, the regex cost more than all the rest.
     */
    private static void findTelegramLinks(String text, List<Indicator> found, Taken taken) {
        Matcher m = null;
        for (int dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            // the letter before the dot rules out nearly every dot before the slower case-blind comparison
            char before = dot >= 1 ? (char) (text.charAt(dot - 1) | 0x20) : 0;
            int start;
            if (before == 't' && startsWithIgnoringCase(text, dot - 1, "t.me/")) {
                start = dot - 1;
            } else if (before == 'm' && dot >= 8 && startsWithIgnoringCase(text, dot - 8, "telegram.")) {
                start = dot - 8;
            } else {
                continue;
            }
            if (start >= 8 && startsWithIgnoringCase(text, start - 8, "https://")) {
                start -= 8;
            } else if (start >= 7 && startsWithIgnoringCase(text, start - 7, "http://")) {
                start -= 7;
            }
            if (m == null) {
                m = TELEGRAM.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            }
            m.region(start, text.length());
            if (!m.lookingAt() || taken.overlaps(m.start(), m.end())) {
                continue;
            }
            String value = trimTrailing(m.group());
            add(text, found, taken, Indicator.Type.TELEGRAM_LINK, m.start(), m.start() + value.length());
            dot = Math.max(dot, m.start() + value.length() - 1);
        }
    }

    /**
     * {@code text.regionMatches(true, at, lower, 0, lower.length())} for a literal in lower case, with ASCII compared
     * here: the JDK's case-blind comparison maps each character's case through its tables, and on the dots of an
     * English text that was half the extractor's time. Other characters still go to it (the long s 'ſ' matches 's').
     */
    private static boolean startsWithIgnoringCase(String text, int at, String lower) {
        if (at < 0 || at + lower.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            char a = text.charAt(at + k);
            char b = lower.charAt(k);
            if (a == b) {
                continue;
            }
            boolean same = a < 0x80 ? b >= 'a' && b <= 'z' && (a | 0x20) == b
                    : text.regionMatches(true, at + k, lower, k, 1);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /**
     * The next run from {@code from} of at least 7 digits with at most two separators between neighbours
     * ({@code [0-9](?:[\s().\-–]{0,2}+[0-9]){6,}+}, full-width digits too), as {start, end}; null when none.
     * A scan by hand: the regex tried at every position of every message was a good part of the extractor's time.
     */
    private static int[] digitRun(char[] text, int n, int from) {
        for (int i = from; i < n; i++) {
            if (!isDigit(text[i])) {
                continue;
            }
            int count = 1;
            int end = i + 1;
            // a few numbers written in a row still go to libphonenumber together; a page of digits does not
            while (count < MAX_RUN_DIGITS) {
                int k = end;
                while (k < n && k - end < 2 && isPhoneSeparator(text[k])) {
                    k++;
                }
                if (k < n && isDigit(text[k])) {
                    count++;
                    end = k + 1;
                } else {
                    break;
                }
            }
            if (count >= 7) {
                return new int[] {i, end};
            }
            i = end - 1;
        }
        return null;
    }

    private static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
    }

    private static boolean isPhoneSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '(' || c == ')'
                || c == '.' || c == '-' || c == '–';
    }

    /** Salary ranges ("5000-6500") and short amounts are digit runs too; phones have 9+ digits or a "+". */
    private static boolean looksLikePhone(String text, int start, String run) {
        long digits = run.chars().filter(c -> Character.isDigit(c)).count();
        if (afterPlus(text, start)) {
            return true;
        }
        if (digits < 9) {
            return false;
        }
        return !SALARY_RANGE.matcher(run).matches();
    }

    /**
     * A salary range read out of a longer run of figures ("10000-12000 12小时"): libphonenumber takes it, with the
     * figures after it, for a number of ten digits or more. A range rises from a first digit other than 0, and a
     * third group joined the same way (400-820-8820) or a "+" before it makes a phone whatever its parts.
     */
    private static boolean ascendingRange(String text, int start, String raw) {
        Matcher m = LEADING_RANGE.matcher(raw);
        if (!m.lookingAt() || afterPlus(text, start)) {
            return false;
        }
        return Long.parseLong(m.group(1)) <= Long.parseLong(m.group(2));
    }

    /** A "+" (or a full-width one) right before the digits: an international number, whatever its parts. */
    private static boolean afterPlus(String text, int start) {
        return start > 0 && (text.charAt(start - 1) == '+' || text.charAt(start - 1) == '＋');
    }

    private void find(String text, Pattern pattern, List<Indicator> found, Taken taken, Indicator.Type type) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (taken.overlaps(m.start(), m.end())) {
                continue;
            }
            String value = trimTrailing(m.group());
            int end = m.start() + value.length();
            if (type == Indicator.Type.WALLET && value.chars().allMatch(Character::isDigit)) {
                continue;
            }
            taken.add(m.start(), end);
            found.add(new Indicator(type, value, canonical(type, value), detail(type, value),
                    taken.codePoints(m.start()), taken.codePoints(end)));
        }
    }

    /** libphonenumber only looks at a window around a digit run (plus room for "+95 (0)"), not the whole text. */
    private void findPhones(String text, int from, int to, List<Indicator> found, Taken taken) {
        String window = text.substring(from, to);
        for (String region : PHONE_REGIONS) {
            for (PhoneNumberMatch m : phones.findNumbers(window, region, PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
                int start = from + m.start();
                int end = from + m.end();
                if (taken.overlaps(start, end) || ascendingRange(text, start, m.rawString())) {
                    continue;
                }
                taken.add(start, end);
                String e164 = phones.format(m.number(), PhoneNumberUtil.PhoneNumberFormat.E164);
                String regionCode = phones.getRegionCodeForNumber(m.number());
                found.add(new Indicator(Indicator.Type.PHONE, m.rawString(), e164,
                        "+" + m.number().getCountryCode() + (regionCode == null ? "" : " " + regionCode),
                        taken.codePoints(start), taken.codePoints(end)));
            }
        }
    }

    /**
     * The spans indicators have taken so far, and the text's code point offsets. The spans never overlap, so the one
     * that starts last before a candidate's end is the only one that can overlap it; and the passes ask offsets in
     * ascending order, so counting goes on from the last one asked. A list of spans scanned per candidate and a count
     * from the text's start per indicator were quadratic: a pasted page of 3,000 links took 100 ms.
     */
    private static final class Taken {
        private final String text;
        private final java.util.TreeMap<Integer, Integer> endByStart = new java.util.TreeMap<>();
        private int countedTo;
        private int counted;

        Taken(String text) {
            this.text = text;
        }

        boolean overlaps(int start, int end) {
            Map.Entry<Integer, Integer> before = endByStart.lowerEntry(end);
            return before != null && before.getValue() > start;
        }

        void add(int start, int end) {
            endByStart.put(start, end);
        }

        /** The code point offset of char index {@code index}. */
        int codePoints(int index) {
            if (index < countedTo) {
                countedTo = 0;
                counted = 0;
            }
            counted += text.codePointCount(countedTo, index);
            countedTo = index;
            return counted;
        }
    }

    private static String trimTrailing(String value) {
        int end = value.length();
        while (end > 0 && ".,;:!?)]}'\"".indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        return value.substring(0, end);
    }

    private static String canonical(Indicator.Type type, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return switch (type) {
            case URL, TELEGRAM_LINK -> withoutPrefix(withoutPrefix(withoutPrefix(v, "https://"), "http://"), "www.");
            case WALLET -> value;
            default -> v;
        };
    }

    private static String withoutPrefix(String value, String prefix) {
        return value.startsWith(prefix) ? value.substring(prefix.length()) : value;
    }

    private static String detail(Indicator.Type type, String value) {
        return switch (type) {
            case WALLET -> value.startsWith("T") ? "TRC20" : value.startsWith("0x") ? "ERC20" : "BTC";
            case URL -> canonical(type, value).split("/", 2)[0];
            case TELEGRAM_LINK -> "t.me";
            default -> "";
        };
    }
}
