package org.jobguard.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final String HAN = "\\p{IsHan}";
    private static final String NOT_ALNUM_BEFORE = "(?<![A-Za-z0-9_])";
    private static final String NOT_ALNUM_AFTER = "(?![A-Za-z0-9_])";

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "<(?i)(phone|email|handle|url|wechat|qq|line|id|passport|bankcard|wallet|name)(:[^<>\\s]{1,24})?>");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}");
    private static final String URL_TAIL = "[^\\s<>\"'\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]*";
    /** "john at gmail dot com", the spelled-out form recruiters use to dodge filters */
    private static final Pattern EMAIL_SPELLED = Pattern.compile(
            "(?i)[a-z0-9._%+\\-]+\\s*(?:@|\\(at\\)|\\[at]|\\bat\\b)\\s*[a-z0-9\\-]+\\s*(?:\\.|\\(dot\\)|\\[dot]|\\bdot\\b)\\s*"
                    + "(?:com|net|org|cn|co|io|me|info)\\b");
    private static final Pattern URL_WITH_SCHEME = Pattern.compile(
            "(?i)(?:https?://|www\\.)[^\\s<>\"'\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]+");
    private static final Pattern URL_BARE = Pattern.compile(
            "(?i)(?<![\\w@.\\-])(?:[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?\\.)+"
                    + "(?:com|net|org|me|io|cc|co|top|xyz|vip|info|biz|shop|site|online|club|app|link|ly|gl|to|dog"
                    + "|cn|kh|mm|la|th|ph|vn|my|id|in|ke|tw|hk|sg)(?![a-z0-9\\-])(?:/" + URL_TAIL + ")?");
    private static final Pattern HANDLE = Pattern.compile("(?<![A-Za-z0-9_.@/])@([A-Za-z0-9_]{2,32})" + NOT_ALNUM_AFTER);
    private static final Pattern WALLET_ERC20 = Pattern.compile(NOT_ALNUM_BEFORE + "0[xX][0-9a-fA-F]{40}" + NOT_ALNUM_AFTER);
    // case-insensitive because the checker's normalized text is lower-case
    // 0, O, I and l are not base58, but a mistyped address is still someone's address
    private static final Pattern WALLET_TRC20 = Pattern.compile(NOT_ALNUM_BEFORE + "[Tt][0-9A-Za-z]{33}" + NOT_ALNUM_AFTER);
    private static final Pattern WALLET_BTC = Pattern.compile(
            NOT_ALNUM_BEFORE + "(?:[bB][cC]1[0-9A-Za-z]{11,71}|[13][1-9A-Za-z]{25,34})" + NOT_ALNUM_AFTER);

    private static final String SEP = "\\s*(?:号|號|id|ID|Id)?\\s*(?::|是|为|為)?\\s*";
    private static final Pattern WECHAT_HAN = Pattern.compile(
            "(?:微信号?|微信號|威信|薇信|维信|卫星号|徽信|V信|v信|加v|加V|\\+v|\\+V|加薇|加微)" + SEP + "([A-Za-z0-9][A-Za-z0-9_\\-]{4,29})" + NOT_ALNUM_AFTER);
    private static final Pattern WECHAT_LATIN = Pattern.compile(
            "(?i)" + NOT_ALNUM_BEFORE + "(?:vx|wx|weixin|wechat|v(?=\\s*:))(?:\\s*id)?(?:\\s*:\\s*([a-z0-9][a-z0-9_\\-]{4,29})"
                    + "|\\s+((?=[a-z0-9_\\-]*[0-9_])[a-z0-9][a-z0-9_\\-]{4,29}))" + NOT_ALNUM_AFTER);
    private static final Pattern QQ = Pattern.compile(
            "(?i)" + NOT_ALNUM_BEFORE + "(?:qq|扣扣|企鹅)(?:号码?|號碼?|群|号|號)?\\s*:?\\s*(\\d{5,12})(?!\\d)");
    private static final Pattern LINE = Pattern.compile(
            "(?i)" + NOT_ALNUM_BEFORE + "line(?:\\s*id)?(?:\\s*:\\s*@?([a-z0-9][a-z0-9._\\-]{2,29})"
                    + "|\\s+@?((?=[a-z0-9._\\-]*[0-9_])[a-z0-9][a-z0-9._\\-]{2,29}))" + NOT_ALNUM_AFTER);
    private static final Pattern TELEGRAM_ID = Pattern.compile(
            "(?i)(?:" + NOT_ALNUM_BEFORE + "(?:telegram|tg|ig|instagram|fb|facebook|tiktok|skype|kakao(?:talk)?|signal)|飞机号?|飛機號?)(?:\\s*id)?(?:\\s*:\\s*@?([a-z][a-z0-9_.]{2,31})"
                    + "|\\s*((?=[a-z0-9_]*[0-9_])[a-z][a-z0-9_]{4,31}))" + NOT_ALNUM_AFTER);

    private static final String NUMBER_CUE = "\\s*(?:号码|號碼|号|號|number|no\\.?|#)?\\s*:?\\s*";
    private static final Pattern ID_CUED = Pattern.compile(
            "(?i)(?:身份证|身份證|证件号|證件號|" + NOT_ALNUM_BEFORE + "(?:id\\s*card|id|nric|ic|ktp|nik|aadhaar|cnic))"
                    + NUMBER_CUE + "([A-Za-z]{0,2}\\d[\\dA-Za-z\\-]{4,19}(?:\\(?[0-9A-Za-z]\\)?)?(?:\\s\\d{4}){0,2})" + NOT_ALNUM_AFTER);
    private static final Pattern ID_CN = Pattern.compile(
            "(?<![0-9A-Za-z])[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx](?![0-9A-Za-z])");
    private static final Pattern PASSPORT_CUED = Pattern.compile(
            "(?i)(?:护照|護照|" + NOT_ALNUM_BEFORE + "passport)" + NUMBER_CUE + "([a-z]{1,2}\\d{6,9}[a-z]?|\\d{7,9})" + NOT_ALNUM_AFTER);
    private static final Pattern PASSPORT_BARE = Pattern.compile(
            NOT_ALNUM_BEFORE + "(?:[EGeg]\\d{8}|[Ee][A-Za-z]\\d{7}|[Pp]\\d{7}[A-Za-z])" + NOT_ALNUM_AFTER);
    private static final Pattern BANKCARD = Pattern.compile("(?<!\\d)(?:\\d{4}[ \\-]?){3}\\d{4}(?:[ \\-]?\\d{1,3})?(?!\\d)");
    private static final Pattern BANKCARD_CUED = Pattern.compile(
            "(?i)(?:银行卡|銀行卡|卡号|卡號|账号|帳號|账户|帳戶|" + NOT_ALNUM_BEFORE + "(?:bank\\s*card|card|account|acct|a/c))"
                    + NUMBER_CUE + "(\\d[\\d \\-]{8,24}\\d)(?!\\d)");

    private static final Pattern DIGIT_RUN = Pattern.compile("\\(?\\d[\\d \\-().]{4,}\\d");
    private static final Pattern PHONE_INTERNATIONAL = Pattern.compile("(?<![\\d+])\\+\\s?\\d[\\d \\-().]{5,20}\\d(?!\\d)");
    private static final Pattern PHONE_CUED = Pattern.compile(
            "(?i)(?:电话|電話|手机|手機|联系方式|聯繫方式|致电|致電|" + NOT_ALNUM_BEFORE
                    + "(?:tel|phone|mobile|cell|call|whatsapp|wa|viber|zalo|signal|imo|sms|text))"
                    + "\\s*(?:号码|號碼|no\\.?|number)?\\s*:?\\s*(\\+?\\d[\\d \\-()]{5,18}\\d)(?!\\d)");
    private static final Pattern PHONE_CN_MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d[ \\-]?\\d{4}[ \\-]?\\d{4}(?!\\d)");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,3}(?:,\\d{2,3})*|\\d{3,7})\\s*[-~]\\s*(\\d{1,3}(?:,\\d{2,3})*|\\d{3,7})");
    private static final Pattern PHONE_HAN_NUMERALS = Pattern.compile("[〇零一二三四五六七八九幺两](?:[ \\-]?[〇零一二三四五六七八九幺两]){6,14}");

    private static final Pattern NAME_HAN_CUED = Pattern.compile(
            "(?:我叫|我的名字是|联系人|聯繫人|联络人|聯絡人|负责人|負責人|对接人|對接人)\\s*:?\\s*"
                    + "(" + HAN + "{2,3}|[A-Za-z][A-Za-z'\\-]+(?: [A-Z][a-z'\\-]+)?)");
    private static final Pattern NAME_HAN_SURNAME = Pattern.compile("我姓(" + HAN + ")");
    /** "我是李伟，" is a name, "我是客服，" is not: only a common surname opens a name here. */
    private static final Pattern NAME_HAN_I_AM = Pattern.compile(
            "(?:我是|我係|本人)([王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫胡朱郭何林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董潘袁蔡蒋蔣余叶葉杜苏蘇魏程吕呂丁沈任姚卢盧钟鍾汪]"
                    + HAN + "{1,2}?)(?=[，,。.!！\\s]|$)");
    private static final String TITLES = "经理|經理|主管|老师|老師|总|總|姐|哥|先生|小姐|女士|老板|老闆|助理";
    private static final Pattern NAME_HAN_ASK_FOR = Pattern.compile(
            "(?:找|联系|聯繫|联络|聯絡|问|問)(" + HAN + "{1,3}?)(?=" + TITLES + ")");
    private static final Pattern NAME_HAN_TITLED = Pattern.compile(
            "([王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫胡朱郭何林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董潘袁蔡蒋蔣余叶葉杜苏蘇魏程吕呂丁沈任姚卢盧钟鍾汪])"
                    + "(?=小姐|先生|女士|经理|經理|主管|老师|老師|阿姨|大哥|大姐)");
    private static final Pattern NAME_LATIN_CUED = Pattern.compile(
            "(?i:my name is|my name's|call me|i am called|this is)\\s+(?!(?i:a|an|the|not|from|your|our|very|so|hr|job)\\b)"
                    + "([A-Za-z][A-Za-z'\\-]+(?: [A-Z][a-z'\\-]+)?)");
    private static final Pattern NAME_LATIN_TITLE = Pattern.compile(
            "(?<![A-Za-z])(?i:mr|mrs|ms|miss|madam|dr)\\.?\\s+([A-Za-z][A-Za-z'\\-]+(?: [A-Z][a-z'\\-]+)?)");
    private static final Pattern NAME_LATIN_INTRO = Pattern.compile(
            "(?<![A-Za-z])(?:I'm|I am|It's|Im)\\s+([A-Z][a-z'\\-]+)(?= from| here| of| with|,|\\.|!)");
    private static final Set<String> TITLE_STOPWORDS = Set.of("and", "or", "the", "to", "in", "of", "is", "will");

    // a regex that starts with an alternation tries it at every position; a substring check first is far cheaper
    private static final String[] WECHAT_CUES = {"微信", "威信", "薇信", "维信", "卫星号", "徽信", "v信", "加v", "+v", "加薇", "加微"};
    private static final String[] ID_CUES = {"身份证", "身份證", "证件号", "證件號", "id", "nric", "ic", "ktp", "nik", "aadhaar", "cnic"};
    private static final String[] NAME_CUES = {"我叫", "我的名字是", "联系人", "聯繫人", "联络人", "聯絡人", "负责人", "負責人", "对接人", "對接人"};
    private static final String[] TITLE_CUES = {"经理", "經理", "主管", "老师", "老師", "总", "總", "姐", "哥", "先生", "小姐", "女士", "老板", "老闆", "助理", "阿姨"};

    private static final Set<String> SHORTENERS = Set.of("bit.ly", "tinyurl.com", "t.co", "goo.gl", "is.gd", "cutt.ly", "s.id", "rb.gy");

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
        find(view, spans);
        return apply(text, choose(spans));
    }

    /** Only the redacted text, for callers that do not hash indicators. */
    public String redactText(String text) {
        return redact(text).text();
    }

    private void find(String v, List<Span> out) {
        each(PLACEHOLDER, v, m -> out.add(new Span(m.start(), m.end(), 0, null, canonicalPlaceholder(m), "")));
        each(EMAIL, v, m -> out.add(new Span(m.start(), m.end(), 1, Redaction.Type.EMAIL, "<EMAIL>",
                m.group().toLowerCase(Locale.ROOT))));
        if (lowerHasSpelledEmail(v)) {
            each(EMAIL_SPELLED, v, m -> out.add(new Span(m.start(), m.end(), 1, Redaction.Type.EMAIL, "<EMAIL>",
                    m.group().toLowerCase(Locale.ROOT).replaceAll("\\s*(\\(at\\)|\\[at]|\\bat\\b)\\s*", "@")
                            .replaceAll("\\s*(\\(dot\\)|\\[dot]|\\bdot\\b)\\s*", ".").replace(" ", ""))));
        }
        each(URL_WITH_SCHEME, v, m -> addUrl(v, m.start(), m.end(), out));
        each(URL_BARE, v, m -> addUrl(v, m.start(), m.end(), out));
        each(WALLET_ERC20, v, m -> out.add(wallet(m, "ERC20")));
        each(WALLET_TRC20, v, m -> {
            if (hasDigitAndLetter(m.group().substring(1))) {
                out.add(wallet(m, "TRC20"));
            }
        });
        each(WALLET_BTC, v, m -> {
            if (hasDigitAndLetter(m.group())) {
                out.add(wallet(m, "BTC"));
            }
        });
        String lower = v.toLowerCase(Locale.ROOT);
        if (containsAny(lower, WECHAT_CUES)) {
            labelled(WECHAT_HAN, v, Redaction.Type.WECHAT, "<WECHAT>", out);
        }
        labelled(WECHAT_LATIN, v, Redaction.Type.WECHAT, "<WECHAT>", out);
        labelled(QQ, v, Redaction.Type.QQ, "<QQ>", out);
        labelled(LINE, v, Redaction.Type.LINE, "<LINE>", out);
        labelled(TELEGRAM_ID, v, Redaction.Type.HANDLE, "<HANDLE>", out);
        if (containsAny(lower, ID_CUES)) {
            labelled(ID_CUED, v, Redaction.Type.ID, "<ID>", out);
        }
        labelled(PASSPORT_CUED, v, Redaction.Type.PASSPORT, "<PASSPORT>", out);
        labelled(BANKCARD_CUED, v, Redaction.Type.BANKCARD, "<BANKCARD>", out);
        each(PHONE_CUED, v, m -> addPhone(v, m.start(1), m.end(1), out, 4));
        each(ID_CN, v, m -> out.add(new Span(m.start(), m.end(), 5, Redaction.Type.ID, "<ID>", "")));
        each(BANKCARD, v, m -> {
            if (luhn(digits(m.group()))) {
                out.add(new Span(m.start(), m.end(), 6, Redaction.Type.BANKCARD, "<BANKCARD>", ""));
            }
        });
        each(PASSPORT_BARE, v, m -> out.add(new Span(m.start(), m.end(), 7, Redaction.Type.PASSPORT, "<PASSPORT>", "")));
        findPhones(v, out);
        each(HANDLE, v, m -> out.add(new Span(m.start(), m.end(), 9, Redaction.Type.HANDLE, "<HANDLE>",
                m.group(1).toLowerCase(Locale.ROOT))));
        names(v, lower, out);
    }

    private void findPhones(String v, List<Span> out) {
        each(PHONE_INTERNATIONAL, v, m -> addPhone(v, m.start(), m.end(), out, 8));
        each(PHONE_CN_MOBILE, v, m -> addPhone(v, m.start(), m.end(), out, 8));
        // findNumbers over a whole text, times thirteen regions, costs milliseconds; parsing each run of
        // digits written without a country code in each region costs microseconds
        Matcher run = DIGIT_RUN.matcher(v);
        while (run.find()) {
            String written = run.group();
            int d = digits(written).length();
            if (d < 7 || d > 15 || looksLikeRange(written) || run.start() > 0 && v.charAt(run.start() - 1) == '+') {
                continue;
            }
            for (String region : regions) {
                PhoneNumber n = parseIn(written, region);
                if (n != null && phones.isValidNumber(n)) {
                    out.add(phoneSpan(run.start(), run.end(), n, 8));
                    break;
                }
            }
        }
        each(PHONE_HAN_NUMERALS, v, m -> {
            String digits = hanDigits(m.group());
            out.add(new Span(m.start(), m.end(), 8, Redaction.Type.PHONE, phonePlaceholder(digits), digits));
        });
    }

    /** "8000-15000" is a salary range, not a phone number: both ends round, the first smaller. */
    static boolean looksLikeRange(String raw) {
        Matcher m = RANGE.matcher(raw.trim());
        if (!m.matches()) {
            return false;
        }
        long low = Long.parseLong(m.group(1).replace(",", ""));
        long high = Long.parseLong(m.group(2).replace(",", ""));
        return low < high && low % 100 == 0 && high % 100 == 0;
    }

    private void addPhone(String v, int start, int end, List<Span> out, int priority) {
        String written = v.substring(start, end);
        PhoneNumber parsed = parse(written);
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

    private String phonePlaceholder(String digits) {
        PhoneNumber n = parse(digits);
        return n == null ? "<PHONE>" : "<PHONE:+" + n.getCountryCode() + ">";
    }

    private void addUrl(String v, int start, int end, List<Span> out) {
        // trailing sentence punctuation is not part of a link
        while (end > start && ".,;:!?)]}'\"".indexOf(v.charAt(end - 1)) >= 0) {
            end--;
        }
        String url = v.substring(start, end).toLowerCase(Locale.ROOT);
        String rest = url.replaceFirst("^[a-z]+://", "").replaceFirst("^www\\.", "");
        int slash = rest.indexOf('/');
        String host = slash < 0 ? rest : rest.substring(0, slash);
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        String normalized = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        out.add(new Span(start, end, 2, Redaction.Type.URL, "<URL:" + hostType(host) + ">", normalized));
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

    private static Span wallet(Matcher m, String chain) {
        String value = chain.equals("BTC") && !m.group().toLowerCase(Locale.ROOT).startsWith("bc1") ? m.group()
                : m.group().toLowerCase(Locale.ROOT);
        return new Span(m.start(), m.end(), 3, Redaction.Type.WALLET, "<WALLET:" + chain + ">", value);
    }

    private static void labelled(Pattern p, String v, Redaction.Type type, String placeholder, List<Span> out) {
        Matcher m = p.matcher(v);
        while (m.find()) {
            int g = m.group(1) != null ? 1 : m.groupCount() >= 2 && m.group(2) != null ? 2 : 0;
            if (g == 0) {
                continue;
            }
            String value = m.group(g).toLowerCase(Locale.ROOT).replaceAll("[ \\-]", "");
            // "tg: @boss" becomes "tg: <HANDLE>", not "tg: @<HANDLE>"
            int start = m.start(g) > 0 && v.charAt(m.start(g) - 1) == '@' ? m.start(g) - 1 : m.start(g);
            out.add(new Span(start, m.end(g), 4, type, placeholder, type == Redaction.Type.QQ ? "qq:" + value : value));
        }
    }

    private void names(String v, String lower, List<Span> out) {
        if (containsAny(v, NAME_CUES)) {
            each(NAME_HAN_CUED, v, m -> out.add(name(m.start(1), m.end(1))));
        }
        if (containsAny(v, new String[] {"我是", "我係", "本人"})) {
            each(NAME_HAN_I_AM, v, m -> out.add(name(m.start(1), m.end(1))));
        }
        if (v.contains("我姓")) {
            each(NAME_HAN_SURNAME, v, m -> out.add(name(m.start(1), m.end(1))));
        }
        if (containsAny(v, TITLE_CUES)) {
            each(NAME_HAN_ASK_FOR, v, m -> {
                if (m.end(1) > m.start(1)) {
                    out.add(name(m.start(1), m.end(1)));
                }
            });
            each(NAME_HAN_TITLED, v, m -> out.add(name(m.start(1), m.end(1))));
        }
        each(NAME_LATIN_CUED, v, m -> out.add(name(m.start(1), m.end(1))));
        each(NAME_LATIN_INTRO, v, m -> out.add(name(m.start(1), m.end(1))));
        each(NAME_LATIN_TITLE, v, m -> {
            if (!TITLE_STOPWORDS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                out.add(name(m.start(1), m.end(1)));
            }
        });
    }

    private static Span name(int start, int end) {
        return new Span(start, end, 10, Redaction.Type.NAME, "<NAME>", "");
    }

    /** Highest priority first, then longest; a span overlapping one already chosen is dropped. */
    private static List<Span> choose(List<Span> spans) {
        spans.sort(Comparator.comparingInt(Span::priority).thenComparing(s -> s.start - s.end).thenComparingInt(Span::start));
        List<Span> chosen = new ArrayList<>();
        for (Span s : spans) {
            boolean overlaps = false;
            for (Span c : chosen) {
                if (s.start < c.end && c.start < s.end) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                chosen.add(s);
            }
        }
        chosen.sort(Comparator.comparingInt(Span::start));
        return chosen;
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

    private static String canonicalPlaceholder(Matcher m) {
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

    private static boolean lowerHasSpelledEmail(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
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

    private static void each(Pattern p, String v, java.util.function.Consumer<Matcher> action) {
        Matcher m = p.matcher(v);
        while (m.find()) {
            action.accept(m);
        }
    }

    private record Span(int start, int end, int priority, Redaction.Type type, String placeholder, String normalized) {
    }
}
