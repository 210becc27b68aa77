package org.jobguard.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replaces identifiers with typed placeholders ({@code <PHONE:+95>}, {@code <EMAIL>}, {@code <HANDLE>},
 * {@code <URL:t.me>}, {@code <WECHAT>}, {@code <QQ>}, {@code <LINE>}, {@code <ID>}, {@code <PASSPORT>},
 * {@code <BANKCARD>}, {@code <WALLET:TRC20>}, {@code <NAME>}) so a message can be kept as a pattern
 * without identifying anyone (DESIGN.md section 4). Pure and thread-safe.
 *
 * <p>It errs on the side of removing too much: a salary mistaken for a phone number costs a moderator a
 * detail, a phone number kept in clear costs someone their safety. Text that already holds placeholders
 * (redacted, then normalized) is accepted: placeholders are kept and written back in canonical case.
 */
public final class Redactor {
    /** Where job seekers and recruiters of these scams mostly are: national-format numbers are tried in each. */
    public static final List<String> DEFAULT_REGIONS =
            List.of("CN", "MM", "KH", "LA", "TH", "PH", "VN", "MY", "ID", "IN", "KE", "TW", "HK");

    private static final String HAN = "\\p{Han}";
    /** What Java's {@code \w} is: the characters that may not touch most identifiers. */
    private static final String WORD = "[A-Za-z0-9_]";
    private static final String NOT_WORD_NEXT = LinearPattern.notBefore(WORD);
    private static final String NOT_DIGIT_NEXT = LinearPattern.notBefore("[0-9]");
    /** Look-behind for a Latin cue that is one alternative among Han ones: no letter or digit right before it. */
    private static final String LATIN_CUE_START = "(?:^|[^A-Za-z0-9_])";
    private static final String ANYWHERE = LinearPattern.ANYWHERE;

    // a regex that starts with an alternation tries it at every position; a substring check first is far cheaper,
    // and the cues a pattern opens with are where it is tried (LinearPattern#startingWithAny)
    private static final String[] WECHAT_CUES = {"微信", "威信", "薇信", "维信", "卫星号", "徽信", "v信", "加v", "+v", "加薇", "加微"};
    private static final String[] WECHAT_LATIN_CUES = {"vx", "wx", "weixin", "wechat"};
    private static final String[] QQ_CUES = {"qq", "扣扣", "企鹅"};
    private static final String[] TELEGRAM_CUES = {"telegram", "tg", "ig", "instagram", "fb", "facebook", "tiktok", "skype", "kakao",
        "signal", "飞机", "飛機"};
    private static final String[] PASSPORT_CUES = {"护照", "護照", "passport"};
    private static final String[] BANKCARD_CUES = {"银行卡", "銀行卡", "卡号", "卡號", "账号", "帳號", "账户", "帳戶", "bank", "card", "account",
        "acct", "a/c"};
    private static final String[] PHONE_CUES = {"电话", "電話", "手机", "手機", "联系方式", "聯繫方式", "致电", "致電", "tel", "phone", "mobile",
        "cell", "call", "whatsapp", "wa", "viber", "zalo", "signal", "imo", "sms", "text"};
    private static final String[] NAME_LATIN_CUES = {"my name", "call me", "i am called", "this is"};
    private static final String[] NAME_LATIN_INTRO_CUES = {"I'm", "I am", "It's", "Im"};
    private static final String[] NAME_LATIN_TITLE_CUES = {"mr", "ms", "miss", "madam", "dr"};
    private static final String[] ID_CUES = {"身份证", "身份證", "证件号", "證件號", "id", "nric", "ic", "ktp", "nik", "aadhaar", "cnic"};
    private static final String[] I_AM_CUES = {"我是", "我係", "本人"};
    private static final String[] ASK_FOR_CUES = {"找", "联系", "聯繫", "联络", "聯絡", "问", "問"};
    private static final String[] NAME_CUES = {"我叫", "我的名字是", "联系人", "聯繫人", "联络人", "聯絡人", "负责人", "負責人", "对接人", "對接人"};
    private static final String[] TITLE_CUES = {"经理", "經理", "主管", "老师", "老師", "总", "總", "姐", "哥", "先生", "小姐", "女士", "老板", "老闆", "助理", "阿姨"};

    private static final LinearPattern PLACEHOLDER = LinearPattern.of(
            "<(?i)(phone|email|handle|url|wechat|qq|line|id|passport|bankcard|wallet|name)(:[^<>\\s]{1,24})?>");
    private static final LinearPattern EMAIL = LinearPattern.of(
            "[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}");
    private static final String URL_TAIL = "[^\\s<>\"'\\p{Han}\u3000-\u303F\uFF00-\uFFEF]*";
    /** "john at gmail dot com", the spelled-out form recruiters use to dodge filters */
    private static final LinearPattern EMAIL_SPELLED = LinearPattern.of(
            "(?i)[a-z0-9._%+\\-]+\\s*(?:@|\\(at\\)|\\[at\\]|\\bat\\b)\\s*[a-z0-9\\-]+\\s*(?:\\.|\\(dot\\)|\\[dot\\]|\\bdot\\b)\\s*"
                    + "(?:com|net|org|cn|co|io|me|info)\\b");
    private static final com.google.re2j.Pattern SPELLED_AT = com.google.re2j.Pattern.compile("\\s*(?:\\(at\\)|\\[at\\]|\\bat\\b)\\s*");
    private static final com.google.re2j.Pattern SPELLED_DOT = com.google.re2j.Pattern.compile("\\s*(?:\\(dot\\)|\\[dot\\]|\\bdot\\b)\\s*");
    private static final LinearPattern URL_WITH_SCHEME = LinearPattern.of(
            "(?i)(?:https?://|www\\.)[^\\s<>\"'\\p{Han}\u3000-\u303F\uFF00-\uFFEF]+").startingWithAny("http", "www.");
    // the top-level domain may not run on into more of a word ("example.community"); a path may follow it
    private static final LinearPattern URL_BARE = LinearPattern.between("[A-Za-z0-9_@.\\-]",
            "(?i)(?:[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?\\.)+"
                    + "(?:com|net|org|me|io|cc|co|top|xyz|vip|info|biz|shop|site|online|club|app|link|ly|gl|to|dog"
                    + "|cn|kh|mm|la|th|ph|vn|my|id|in|ke|tw|hk|sg)(?:/" + URL_TAIL + ")?",
            LinearPattern.notBefore("[A-Za-z0-9\\-]"));
    /**
     * Letters may come right before a handle: Chinese posts write "联系@boss" and "私聊TG@boss". An e-mail address
     * is redacted whole first, with a higher priority, so its domain is never taken for a handle.
     */
    private static final LinearPattern HANDLE = LinearPattern.between("[0-9_.@/]", "@([A-Za-z0-9_]{2,32})", NOT_WORD_NEXT).startingWith("[@]", "[A-Za-z0-9_]", 3);
    private static final LinearPattern WALLET_ERC20 = LinearPattern.between(WORD, "0[xX][0-9a-fA-F]{40}", NOT_WORD_NEXT).startingWith("[0]", "[0-9A-Fa-fXx]", 42);
    // case-insensitive because the checker's normalized text is lower-case
    // 0, O, I and l are not base58, but a mistyped address is still someone's address
    private static final LinearPattern WALLET_TRC20 = LinearPattern.between(WORD, "[Tt][0-9A-Za-z]{33}", NOT_WORD_NEXT).startingWith("[Tt]", "[0-9A-Za-z]", 34);
    private static final LinearPattern WALLET_BTC = LinearPattern.between(WORD,
            "(?:[bB][cC]1[0-9A-Za-z]{11,71}|[13][1-9A-Za-z]{25,34})", NOT_WORD_NEXT).startingWith("[bB13]", "[0-9A-Za-z]", 14);

    /** In WECHAT_LATIN, LINE and TELEGRAM_ID, the group of an id written after a space, without a colon. */
    private static final int SPACED_ID_GROUP = 2;
    private static final String SEP = "\\s*(?:号|號|id|ID|Id)?\\s*(?::|是|为|為)?\\s*";
    private static final String CHAT_ID = "[a-z0-9][a-z0-9_\\-]{4,29}";
    private static final LinearPattern WECHAT_HAN = LinearPattern.between(ANYWHERE,
            "(?:微信号?|微信號|威信|薇信|维信|卫星号|徽信|V信|v信|加v|加V|\\+v|\\+V|加薇|加微)" + SEP + "([A-Za-z0-9][A-Za-z0-9_\\-]{4,29})",
            NOT_WORD_NEXT).startingWithAny(WECHAT_CUES);
    /**
     * A bare "v" is a cue only before a colon. An id written after a space, without a colon, needs a digit
     * or '_' (see {@link #labelled}).
     */
    private static final LinearPattern WECHAT_LATIN = LinearPattern.between(WORD,
            "(?i)(?:(?:vx|wx|weixin|wechat)(?:\\s*id)?(?:\\s*:\\s*(" + CHAT_ID + ")|\\s+(" + CHAT_ID + "))"
                    + "|v\\s*:\\s*(" + CHAT_ID + "))",
            NOT_WORD_NEXT).startingWith("[VvWw]");
    private static final LinearPattern QQ = LinearPattern.between(WORD,
            "(?i)(?:qq|扣扣|企鹅)(?:号码?|號碼?|群|号|號)?\\s*:?\\s*(\\d{5,12})", NOT_DIGIT_NEXT).startingWithAny(QQ_CUES);
    private static final LinearPattern LINE = LinearPattern.between(WORD,
            "(?i)line(?:\\s*id)?(?:\\s*:\\s*@?([a-z0-9][a-z0-9._\\-]{2,29})|\\s+@?([a-z0-9][a-z0-9._\\-]{2,29}))", NOT_WORD_NEXT).startingWithAny("line");
    private static final LinearPattern TELEGRAM_ID = LinearPattern.between(ANYWHERE,
            "(?i)(?:" + LATIN_CUE_START + "(?:telegram|tg|ig|instagram|fb|facebook|tiktok|skype|kakao(?:talk)?|signal)|飞机号?|飛機號?)"
                    + "(?:\\s*id)?(?:\\s*:\\s*@?([a-z][a-z0-9_.]{2,31})|\\s*([a-z][a-z0-9_]{4,31}))",
            NOT_WORD_NEXT).startingWithAny(TELEGRAM_CUES);

    private static final String NUMBER_CUE = "\\s*(?:号码|號碼|号|號|number|no\\.?|#)?\\s*:?\\s*";
    private static final LinearPattern ID_CUED = LinearPattern.between(ANYWHERE,
            "(?i)(?:身份证|身份證|证件号|證件號|" + LATIN_CUE_START + "(?:id\\s*card|id|nric|ic|ktp|nik|aadhaar|cnic))"
                    + NUMBER_CUE + "([A-Za-z]{0,2}\\d[\\dA-Za-z\\-]{4,19}(?:\\(?[0-9A-Za-z]\\)?)?(?:\\s\\d{4}){0,2})",
            NOT_WORD_NEXT).startingWithAny(ID_CUES);
    private static final LinearPattern ID_CN = LinearPattern.between("[0-9A-Za-z]",
            "[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]",
            LinearPattern.notBefore("[0-9A-Za-z]")).startingWith("[1-9]", "[0-9Xx]", 18);
    private static final LinearPattern PASSPORT_CUED = LinearPattern.between(ANYWHERE,
            "(?i)(?:护照|護照|" + LATIN_CUE_START + "passport)" + NUMBER_CUE + "([a-z]{1,2}\\d{6,9}[a-z]?|\\d{7,9})", NOT_WORD_NEXT).startingWithAny(PASSPORT_CUES);
    private static final LinearPattern PASSPORT_BARE = LinearPattern.between(WORD,
            "(?:[EGeg]\\d{8}|[Ee][A-Za-z]\\d{7}|[Pp]\\d{7}[A-Za-z])", NOT_WORD_NEXT).startingWith("[EGegPp]", "[0-9A-Za-z]", 9);
    private static final LinearPattern BANKCARD = LinearPattern.between("[0-9]",
            "(?:\\d{4}[ \\-]?){3}\\d{4}(?:[ \\-]?\\d{1,3})?", NOT_DIGIT_NEXT).startingWith("[0-9]", "[0-9]", 4);
    private static final LinearPattern BANKCARD_CUED = LinearPattern.between(ANYWHERE,
            "(?i)(?:银行卡|銀行卡|卡号|卡號|账号|帳號|账户|帳戶|" + LATIN_CUE_START + "(?:bank\\s*card|card|account|acct|a/c))"
                    + NUMBER_CUE + "(\\d[\\d \\-]{8,24}\\d)",
            NOT_DIGIT_NEXT).startingWithAny(BANKCARD_CUES);

    private static final LinearPattern DIGIT_RUN = LinearPattern.of("\\(?\\d[\\d \\-().]{4,}\\d").startingWith("[(0-9]", "[0-9 ().\\-]", 6);
    private static final LinearPattern PHONE_INTERNATIONAL = LinearPattern.between("[0-9+]",
            "\\+\\s?\\d[\\d \\-().]{5,20}\\d", NOT_DIGIT_NEXT).startingWith("[+]", "[0-9\t\n\f\r ().\\-]", 8);
    private static final LinearPattern PHONE_CUED = LinearPattern.between(ANYWHERE,
            "(?i)(?:电话|電話|手机|手機|联系方式|聯繫方式|致电|致電|" + LATIN_CUE_START
                    + "(?:tel|phone|mobile|cell|call|whatsapp|wa|viber|zalo|signal|imo|sms|text))"
                    + "\\s*(?:号码|號碼|no\\.?|number)?\\s*:?\\s*(\\+?\\d[\\d \\-()]{5,18}\\d)",
            NOT_DIGIT_NEXT).startingWithAny(PHONE_CUES);
    private static final LinearPattern PHONE_CN_MOBILE = LinearPattern.between("[0-9]",
            "1[3-9]\\d[ \\-]?\\d{4}[ \\-]?\\d{4}", NOT_DIGIT_NEXT).startingWith("[1]", "[0-9 \\-]", 11);
    private static final LinearPattern RANGE = LinearPattern.of(
            "(\\d{1,3}(?:,\\d{2,3})*|\\d{3,7})\\s*[\\-~]\\s*(\\d{1,3}(?:,\\d{2,3})*|\\d{3,7})");
    private static final LinearPattern PHONE_HAN_NUMERALS = LinearPattern.of(
            "[〇零一二三四五六七八九幺两](?:[ \\-]?[〇零一二三四五六七八九幺两]){6,14}").startingWith("[〇零一二三四五六七八九幺两]", "[〇零一二三四五六七八九幺两 \\-]", 7);

    private static final LinearPattern NAME_HAN_CUED = LinearPattern.of(
            "(?:我叫|我的名字是|联系人|聯繫人|联络人|聯絡人|负责人|負責人|对接人|對接人)\\s*:?\\s*"
                    + "(" + HAN + "{2,3}|[A-Za-z][A-Za-z'\\-]+(?: [A-Z][a-z'\\-]+)?)").startingWithAny(NAME_CUES);
    private static final LinearPattern NAME_HAN_SURNAME = LinearPattern.of("我姓(" + HAN + ")");
    private static final String SURNAMES =
            "[王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫胡朱郭何林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董潘袁蔡蒋蔣余叶葉杜苏蘇魏程吕呂丁沈任姚卢盧钟鍾汪]";
    /** "我是李伟，" is a name, "我是客服，" is not: only a common surname opens a name here. */
    private static final LinearPattern NAME_HAN_I_AM = LinearPattern.between(ANYWHERE,
            "(?:我是|我係|本人)(" + SURNAMES + HAN + "{1,2}?)", "[，,。.!！\\s]|$").startingWithAny(I_AM_CUES);
    private static final String TITLES = "经理|經理|主管|老师|老師|总|總|姐|哥|先生|小姐|女士|老板|老闆|助理";
    private static final LinearPattern NAME_HAN_ASK_FOR = LinearPattern.between(ANYWHERE,
            "(?:找|联系|聯繫|联络|聯絡|问|問)(" + HAN + "{1,3}?)", TITLES).startingWithAny(ASK_FOR_CUES);
    private static final LinearPattern NAME_HAN_TITLED = LinearPattern.between(ANYWHERE,
            "(" + SURNAMES + ")", "小姐|先生|女士|经理|經理|主管|老师|老師|阿姨|大哥|大姐").startingWith(SURNAMES);
    /** The name after the cue may not be one of {@link #NOT_A_NAME} ("this is a scam"): see {@link #startsWithWordOf}. */
    private static final LinearPattern NAME_LATIN_CUED = LinearPattern.of(
            "(?i:my name is|my name's|call me|i am called|this is)\\s+([A-Za-z][A-Za-z'\\-]+(?: [A-Z][a-z'\\-]+)?)").startingWithAny(NAME_LATIN_CUES);
    private static final Set<String> NOT_A_NAME = Set.of("a", "an", "the", "not", "from", "your", "our", "very", "so", "hr", "job");
    private static final LinearPattern NAME_LATIN_TITLE = LinearPattern.between("[A-Za-z]",
            "(?i:mr|mrs|ms|miss|madam|dr)\\.?\\s+([A-Za-z][A-Za-z'\\-]+(?: [A-Z][a-z'\\-]+)?)", "").startingWithAny(NAME_LATIN_TITLE_CUES);
    private static final LinearPattern NAME_LATIN_INTRO = LinearPattern.between("[A-Za-z]",
            "(?:I'm|I am|It's|Im)\\s+([A-Z][a-z'\\-]+)", " from| here| of| with|,|\\.|!").startingWith("[I]");
    /**
     * Every pattern above. A start hint is written by hand next to its regex and a wrong one loses matches
     * silently, identifiers kept in clear: the tests hold each hinted pattern here to its unhinted twin.
     */
    static final List<LinearPattern> PATTERNS = List.of(PLACEHOLDER, EMAIL, EMAIL_SPELLED, URL_WITH_SCHEME, URL_BARE, HANDLE,
            WALLET_ERC20, WALLET_TRC20, WALLET_BTC, WECHAT_HAN, WECHAT_LATIN, QQ, LINE, TELEGRAM_ID, ID_CUED, ID_CN,
            PASSPORT_CUED, PASSPORT_BARE, BANKCARD, BANKCARD_CUED, DIGIT_RUN, PHONE_INTERNATIONAL, PHONE_CUED,
            PHONE_CN_MOBILE, RANGE, PHONE_HAN_NUMERALS, NAME_HAN_CUED, NAME_HAN_SURNAME, NAME_HAN_I_AM, NAME_HAN_ASK_FOR,
            NAME_HAN_TITLED, NAME_LATIN_CUED, NAME_LATIN_TITLE, NAME_LATIN_INTRO);
    private static final Set<String> TITLE_STOPWORDS = Set.of("and", "or", "the", "to", "in", "of", "is", "will");

    private static final Set<String> SHORTENERS = Set.of("bit.ly", "tinyurl.com", "t.co", "goo.gl", "is.gd", "cutt.ly", "s.id", "rb.gy");

    /**
     * The work bound of one message. Every pattern here runs in time linear in the text; what is not
     * linear is libphonenumber, tried on each run of digits in up to thirteen regions. A real message has
     * a few candidate numbers; past this many parses the rest are redacted as {@code <PHONE>} unread,
     * which costs a moderator the country code and no one their number.
     */
    static final int PHONE_PARSES_PER_MESSAGE = 400;

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final List<String> regions;

    public Redactor() {
        this(DEFAULT_REGIONS);
    }

    /** @param regions ISO 3166 regions in which numbers written without a country code are tried, in order */
    public Redactor(List<String> regions) {
        this.regions = List.copyOf(regions);
    }

    public Redaction redact(String text) {
        if (text == null || text.isEmpty()) {
            return new Redaction(text == null ? "" : text, List.of());
        }
        String view = detectionView(text);
        List<Span> spans = new ArrayList<>();
        find(view, spans, new PhoneParses(PHONE_PARSES_PER_MESSAGE));
        return apply(text, choose(spans));
    }

    /** Only the redacted text, for callers that do not hash indicators. */
    public String redactText(String text) {
        return redact(text).text();
    }

    private void find(String v, List<Span> out, PhoneParses parses) {
        String lower = v.toLowerCase(Locale.ROOT);
        if (v.indexOf('<') >= 0) {
            PLACEHOLDER.each(v, m -> out.add(new Span(m.start(), m.end(), 0, null, canonicalPlaceholder(m), "")));
        }
        if (v.indexOf('@') >= 0) {
            EMAIL.each(v, m -> out.add(new Span(m.start(), m.end(), 1, Redaction.Type.EMAIL, "<EMAIL>",
                    m.group().toLowerCase(Locale.ROOT))));
        }
        if (lowerHasSpelledEmail(lower)) {
            EMAIL_SPELLED.each(v, m -> out.add(new Span(m.start(), m.end(), 1, Redaction.Type.EMAIL, "<EMAIL>",
                    spelledOut(m.group().toLowerCase(Locale.ROOT)))));
        }
        if (lower.contains("http") || lower.contains("www.")) {
            URL_WITH_SCHEME.each(v, m -> addUrl(v, m.start(), m.end(), out));
        }
        if (v.indexOf('.') >= 0) {
            URL_BARE.each(v, m -> addUrl(v, m.start(), m.end(), out));
        }
        if (lower.contains("0x")) {
            WALLET_ERC20.each(v, m -> out.add(wallet(m, "ERC20")));
        }
        WALLET_TRC20.each(v, m -> hasDigitAndLetter(m.group().substring(1)), m -> out.add(wallet(m, "TRC20")));
        WALLET_BTC.each(v, m -> hasDigitAndLetter(m.group()), m -> out.add(wallet(m, "BTC")));
        if (containsAny(lower, WECHAT_CUES)) {
            labelled(WECHAT_HAN, v, Redaction.Type.WECHAT, "<WECHAT>", out);
        }
        if (containsAny(lower, WECHAT_LATIN_CUES) || lower.indexOf('v') >= 0 && lower.indexOf(':') >= 0) {
            labelled(WECHAT_LATIN, v, Redaction.Type.WECHAT, "<WECHAT>", out);
        }
        if (containsAny(lower, QQ_CUES)) {
            labelled(QQ, v, Redaction.Type.QQ, "<QQ>", out);
        }
        if (lower.contains("line")) {
            labelled(LINE, v, Redaction.Type.LINE, "<LINE>", out);
        }
        if (containsAny(lower, TELEGRAM_CUES)) {
            labelled(TELEGRAM_ID, v, Redaction.Type.HANDLE, "<HANDLE>", out);
        }
        if (containsAny(lower, ID_CUES)) {
            labelled(ID_CUED, v, Redaction.Type.ID, "<ID>", out);
        }
        if (containsAny(lower, PASSPORT_CUES)) {
            labelled(PASSPORT_CUED, v, Redaction.Type.PASSPORT, "<PASSPORT>", out);
        }
        if (containsAny(lower, BANKCARD_CUES)) {
            labelled(BANKCARD_CUED, v, Redaction.Type.BANKCARD, "<BANKCARD>", out);
        }
        if (containsAny(lower, PHONE_CUES)) {
            PHONE_CUED.each(v, m -> addPhone(v, m.start(1), m.end(1), out, 4, parses));
        }
        ID_CN.each(v, m -> out.add(new Span(m.start(), m.end(), 5, Redaction.Type.ID, "<ID>", "")));
        BANKCARD.each(v, m -> luhn(digits(m.group())),
                m -> out.add(new Span(m.start(), m.end(), 6, Redaction.Type.BANKCARD, "<BANKCARD>", "")));
        PASSPORT_BARE.each(v, m -> out.add(new Span(m.start(), m.end(), 7, Redaction.Type.PASSPORT, "<PASSPORT>", "")));
        findPhones(v, out, parses);
        if (v.indexOf('@') >= 0) {
            HANDLE.each(v, m -> out.add(new Span(m.start(), m.end(), 9, Redaction.Type.HANDLE, "<HANDLE>",
                    m.group(1).toLowerCase(Locale.ROOT))));
        }
        names(v, lower, out);
    }

    private void findPhones(String v, List<Span> out, PhoneParses parses) {
        PHONE_INTERNATIONAL.each(v, m -> addPhone(v, m.start(), m.end(), out, 8, parses));
        PHONE_CN_MOBILE.each(v, m -> addPhone(v, m.start(), m.end(), out, 8, parses));
        // findNumbers over a whole text, times thirteen regions, costs milliseconds; parsing each run of
        // digits written without a country code in each region costs microseconds
        DIGIT_RUN.each(v, run -> {
            String written = run.group();
            String digits = digits(written);
            int d = digits.length();
            if (d < 7 || d > 15 || written.indexOf('-') >= 0 && looksLikeRange(written) || run.start() > 0 && v.charAt(run.start() - 1) == '+') {
                return;
            }
            for (String region : regions) {
                if (!parses.take()) {
                    // out of budget: a run that might be a number is taken for one, unread
                    out.add(new Span(run.start(), run.end(), 8, Redaction.Type.PHONE, "<PHONE>", digits));
                    return;
                }
                PhoneNumber n = parseIn(written, region);
                if (n != null && phones.isValidNumber(n)) {
                    out.add(phoneSpan(run.start(), run.end(), n, 8));
                    return;
                }
            }
        });
        PHONE_HAN_NUMERALS.each(v, m -> {
            String digits = hanDigits(m.group());
            out.add(new Span(m.start(), m.end(), 8, Redaction.Type.PHONE, phonePlaceholder(digits, parses), digits));
        });
    }

    /** "8000-15000" is a salary range, not a phone number: both ends round, the first smaller. */
    static boolean looksLikeRange(String raw) {
        LinearPattern.Found m = RANGE.whole(raw.trim());
        if (m == null) {
            return false;
        }
        long low = Long.parseLong(m.group(1).replace(",", ""));
        long high = Long.parseLong(m.group(2).replace(",", ""));
        return low < high && low % 100 == 0 && high % 100 == 0;
    }

    private void addPhone(String v, int start, int end, List<Span> out, int priority, PhoneParses parses) {
        String written = v.substring(start, end);
        PhoneNumber parsed = parses.take() ? parse(written) : null;
        if (parsed != null) {
            out.add(phoneSpan(start, end, parsed, priority));
        } else {
            out.add(new Span(start, end, priority, Redaction.Type.PHONE, "<PHONE>", digits(written)));
        }
    }

    private PhoneNumber parseIn(String written, String region) {
        try {
            return phones.parse(written, region);
        } catch (NumberParseException e) {
            return null;
        }
    }

    private PhoneNumber parse(String written) {
        String region = written.trim().startsWith("+") ? "ZZ" : regions.isEmpty() ? "ZZ" : regions.get(0);
        try {
            PhoneNumber n = phones.parse(written, region);
            if (written.trim().startsWith("+") || phones.isValidNumber(n)) {
                return n;
            }
        } catch (NumberParseException e) {
            // not a number libphonenumber understands; the caller keeps a generic placeholder
        }
        return null;
    }

    private Span phoneSpan(int start, int end, PhoneNumber n, int priority) {
        String e164 = "+" + n.getCountryCode() + n.getNationalNumber();
        return new Span(start, end, priority, Redaction.Type.PHONE, "<PHONE:+" + n.getCountryCode() + ">", e164);
    }

    private String phonePlaceholder(String digits, PhoneParses parses) {
        PhoneNumber n = parses.take() ? parse(digits) : null;
        return n == null ? "<PHONE>" : "<PHONE:+" + n.getCountryCode() + ">";
    }

    private void addUrl(String v, int start, int end, List<Span> out) {
        // trailing sentence punctuation is not part of a link
        while (end > start && ".,;:!?)]}'\"".indexOf(v.charAt(end - 1)) >= 0) {
            end--;
        }
        String url = v.substring(start, end).toLowerCase(Locale.ROOT);
        String rest = withoutScheme(url);
        if (rest.startsWith("www.")) {
            rest = rest.substring(4);
        }
        int slash = rest.indexOf('/');
        String host = slash < 0 ? rest : rest.substring(0, slash);
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        String normalized = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        out.add(new Span(start, end, 2, Redaction.Type.URL, "<URL:" + hostType(host) + ">", normalized));
    }

    /** "https://t.me/x" without "https://"; a link without a scheme as it is. */
    private static String withoutScheme(String url) {
        int colon = url.indexOf("://");
        if (colon <= 0) {
            return url;
        }
        for (int i = 0; i < colon; i++) {
            char ch = url.charAt(i);
            if (ch < 'a' || ch > 'z') {
                return url;
            }
        }
        return url.substring(colon + 3);
    }

    private static String hostType(String host) {
        if (host.equals("t.me") || host.equals("telegram.me") || host.equals("telegram.dog")) {
            return "t.me";
        }
        if (host.equals("wa.me") || host.endsWith("whatsapp.com")) {
            return "wa.me";
        }
        if (host.equals("line.me") || host.endsWith(".line.me")) {
            return "line.me";
        }
        if (host.endsWith("weixin.qq.com") || host.endsWith("wechat.com")) {
            return "wechat";
        }
        if (SHORTENERS.contains(host)) {
            return "short";
        }
        return "web";
    }

    private static Span wallet(LinearPattern.Found m, String chain) {
        String value = chain.equals("BTC") && !m.group().toLowerCase(Locale.ROOT).startsWith("bc1") ? m.group()
                : m.group().toLowerCase(Locale.ROOT);
        return new Span(m.start(), m.end(), 3, Redaction.Type.WALLET, "<WALLET:" + chain + ">", value);
    }

    /** "john at gmail dot com" as the address it spells. */
    private static String spelledOut(String lower) {
        String at = SPELLED_AT.matcher(lower).replaceAll("@");
        return SPELLED_DOT.matcher(at).replaceAll(".").replace(" ", "");
    }

    /**
     * The identifier after a cue, in the first group that took part. An identifier written after a space
     * without a colon (group {@value #SPACED_ID_GROUP} of WeChat, LINE and Telegram) counts only when the
     * run of id characters it opens holds a digit or '_': "wechat group" and "line manager" are words,
     * "wx 8899job" is an id.
     */
    private static void labelled(LinearPattern p, String v, Redaction.Type type, String placeholder, List<Span> out) {
        String runPunctuation = p == LINE ? "._-" : p == WECHAT_LATIN ? "_-" : p == TELEGRAM_ID ? "_" : null;
        p.each(v, m -> {
            int g = identifierGroup(m);
            return g > 0 && (runPunctuation == null || g != SPACED_ID_GROUP || runHasDigitOrUnderscore(v, m.start(g), runPunctuation));
        }, m -> {
            int g = identifierGroup(m);
            String value = m.group(g).toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "");
            // "tg: @boss" becomes "tg: <HANDLE>", not "tg: @<HANDLE>"
            int start = m.start(g) > 0 && v.charAt(m.start(g) - 1) == '@' ? m.start(g) - 1 : m.start(g);
            out.add(new Span(start, m.end(g), 4, type, placeholder, type == Redaction.Type.QQ ? "qq:" + value : value));
        });
    }

    /** Whether the run of ASCII letters, digits and the given punctuation from {@code at} holds a digit or '_'. */
    private static boolean runHasDigitOrUnderscore(String v, int at, String punctuation) {
        for (int i = at; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch >= '0' && ch <= '9' || ch == '_') {
                return true;
            }
            boolean letter = ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z';
            if (!letter && punctuation.indexOf(ch) < 0) {
                return false;
            }
        }
        return false;
    }

    private static int identifierGroup(LinearPattern.Found m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return g;
            }
        }
        return 0;
    }

    private void names(String v, String lower, List<Span> out) {
        if (containsAny(v, NAME_CUES)) {
            NAME_HAN_CUED.each(v, m -> out.add(name(m.start(1), m.end(1))));
        }
        if (containsAny(v, I_AM_CUES)) {
            NAME_HAN_I_AM.each(v, m -> out.add(name(m.start(1), m.end(1))));
        }
        if (v.contains("我姓")) {
            NAME_HAN_SURNAME.each(v, m -> out.add(name(m.start(1), m.end(1))));
        }
        if (containsAny(v, TITLE_CUES)) {
            NAME_HAN_ASK_FOR.each(v, m -> out.add(name(m.start(1), m.end(1))));
            NAME_HAN_TITLED.each(v, m -> out.add(name(m.start(1), m.end(1))));
        }
        if (containsAny(lower, NAME_LATIN_CUES)) {
            NAME_LATIN_CUED.each(v, m -> !startsWithWordOf(v, m.start(1), NOT_A_NAME), m -> out.add(name(m.start(1), m.end(1))));
        }
        if (containsAny(v, NAME_LATIN_INTRO_CUES)) {
            NAME_LATIN_INTRO.each(v, m -> out.add(name(m.start(1), m.end(1))));
        }
        if (containsAny(lower, NAME_LATIN_TITLE_CUES)) {
            NAME_LATIN_TITLE.each(v, m -> !TITLE_STOPWORDS.contains(m.group(1).toLowerCase(Locale.ROOT)),
                    m -> out.add(name(m.start(1), m.end(1))));
        }
    }

    /** Whether the text at {@code at} is one of the words, whole (no letter or digit right after it), in any case. */
    static boolean startsWithWordOf(String text, int at, Set<String> words) {
        for (String w : words) {
            int end = at + w.length();
            if (end <= text.length() && text.regionMatches(true, at, w, 0, w.length())
                    && (end == text.length() || !isWordChar(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char ch) {
        return ch == '_' || Character.isLetterOrDigit(ch);
    }

    private static Span name(int start, int end) {
        return new Span(start, end, 10, Redaction.Type.NAME, "<NAME>", "");
    }

    /**
     * Highest priority first, then longest; a span overlapping one already chosen is dropped. The chosen
     * spans never overlap, so the only one that can overlap a candidate is the last chosen one starting
     * before the candidate's end: a lookup, not a scan (a text can hold thousands of spans).
     */
    private static List<Span> choose(List<Span> spans) {
        spans.sort(Comparator.comparingInt(Span::priority).thenComparing(s -> s.start - s.end).thenComparingInt(Span::start));
        TreeMap<Integer, Span> chosen = new TreeMap<>();
        for (Span s : spans) {
            Map.Entry<Integer, Span> before = s.end > s.start ? chosen.lowerEntry(s.end) : null;
            boolean overlaps = before != null && before.getValue().end > s.start;
            if (!overlaps) {
                chosen.put(s.start, s);
            }
        }
        return new ArrayList<>(chosen.values());
    }

    private static Redaction apply(String text, List<Span> spans) {
        StringBuilder sb = new StringBuilder(text.length());
        List<Redaction.Item> items = new ArrayList<>();
        int at = 0;
        for (Span s : spans) {
            sb.append(text, at, s.start).append(s.placeholder);
            at = s.end;
            if (s.type != null) {
                items.add(new Redaction.Item(s.type, s.placeholder, s.normalized));
            }
        }
        sb.append(text, at, text.length());
        return new Redaction(sb.toString(), items);
    }

    private static String canonicalPlaceholder(LinearPattern.Found m) {
        String type = m.group(1).toUpperCase(Locale.ROOT);
        String detail = m.group(2) == null ? "" : type.equals("URL") ? m.group(2).toLowerCase(Locale.ROOT)
                : m.group(2).toUpperCase(Locale.ROOT);
        return "<" + type + detail + ">";
    }

    /**
     * Same length as the text, so offsets carry over: full-width forms and the ideographic space become
     * ASCII, odd dashes become '-', so one set of patterns finds {@code ＋９５} and {@code +95} alike.
     */
    static String detectionView(String text) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            if (ch >= '\uFF01' && ch <= '\uFF5E') {
                c[i] = (char) (ch - 0xFEE0);
            } else if (ch == '\u3000' || ch == '\u00A0') {
                c[i] = ' ';
            } else if (ch >= '\u2010' && ch <= '\u2015' || ch == '\u2212') {
                c[i] = '-';
            }
        }
        return new String(c);
    }

    private static String hanDigits(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            int d = "〇一二三四五六七八九".indexOf(ch);
            if (ch == '零') {
                d = 0;
            } else if (ch == '幺') {
                d = 1;
            } else if (ch == '两') {
                d = 2;
            }
            if (d >= 0) {
                sb.append(d);
            }
        }
        return sb.toString();
    }

    static String digits(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch >= '0' && ch <= '9') {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return digits.length() >= 13 && sum % 10 == 0;
    }

    private static boolean lowerHasSpelledEmail(String lower) {
        return lower.contains(" dot ") || lower.contains("(dot)") || lower.contains("[dot]");
    }

    private static boolean containsAny(String text, String[] cues) {
        for (String c : cues) {
            if (text.contains(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigitAndLetter(String s) {
        boolean digit = false;
        boolean letter = false;
        for (char ch : s.toCharArray()) {
            digit |= Character.isDigit(ch);
            letter |= Character.isLetter(ch);
        }
        return digit && letter;
    }

    /** A bound on a message's calls into libphonenumber, the costliest step per candidate number. */
    private static final class PhoneParses {
        private int left;

        PhoneParses(int budget) {
            this.left = budget;
        }

        boolean take() {
            if (left == 0) {
                return false;
            }
            left--;
            return true;
        }
    }

    private record Span(int start, int end, int priority, Redaction.Type type, String placeholder, String normalized) {
    }
}
