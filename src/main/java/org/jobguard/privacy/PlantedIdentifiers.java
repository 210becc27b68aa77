package org.jobguard.privacy;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generated, labelled test set for the {@link Redactor}: realistic recruiter messages in the three
 * languages with identifiers planted in them in the forms people really write (spaces, dashes,
 * full-width digits, labels such as 微信/vx/QQ/Line). The same seed always gives the same set.
 * All values are synthetic: numbers are drawn from libphonenumber's example ranges with random digits.
 */
public final class PlantedIdentifiers {

    /** One planted identifier; {@code secret} is the part that must not survive redaction. */
    public record Planted(Redaction.Type type, String written, String secret) {
    }

    public record Message(String text, List<Planted> planted) {
        public Message {
            planted = List.copyOf(planted);
        }
    }

    private static final List<String> TEMPLATES = List.of(
            "【高薪急聘】泰国园区客服 月薪1.5万起 包吃包住包机票 有意联系 {PHONE} 或 {HANDLE}",
            "东南亚外贸公司招业务员，底薪8000+高提成，加微信 {WECHAT} 详聊，电话 {PHONE}",
            "机票公司出，落地后签合同，只用TG联系：{TME}",
            "你好，我叫{NAME_ZH}，是公司人事，你把护照号 {PASSPORT} 和身份证 {ID} 发我，我帮你订票",
            "工资日结，一天800-1500，联系人：{NAME_ZH} {PHONE}",
            "柬埔寨西港招打字员，vx：{WECHAT_ID}，QQ {QQ}，不接陌生电话",
            "押金转到这个地址 {TRC20}，到了退给你",
            "USDT 收款地址 {ERC20}，备用 BTC {BTC}",
            "出租银行卡日赚500，卡号 {BANKCARD}，联系 {HANDLE}",
            "【海外高薪】柬埔寨博弈公司 徵 客服人員 月薪NT$8萬 有興趣私訊 TG {HANDLE} 或致電 {PHONE}",
            "聯絡人：{NAME_ZH}，Line：{LINE}，電郵 {EMAIL}",
            "泰國曼谷IT公司招聘，月薪RM8000，機票報銷，有意者 whatsapp {PHONE}",
            "請加微信{WECHAT_ID}，或者打 {PHONE}，找{SURNAME}經理",
            "Hello dear, my name is {NAME_EN}, HR of the company. Send your CV to {EMAIL} or WhatsApp {PHONE}",
            "Data entry job in Thailand, USD 1,200/month, free ticket. Telegram: {TME} Contact Mr {NAME_EN_LAST}",
            "Apply now!! Send passport bio page (passport no {PASSPORT}) to {EMAIL}. Call {PHONE}",
            "Pay the release fee to wallet {TRC20} today or we sell him. Contact {HANDLE}",
            "Job in Cambodia, salary $1500, Line ID: {LINE}, Viber {PHONE}",
            "Pinoy applicants wanted, ₱80,000/month, msg {HANDLE} or text {PHONE}, look for Ms. {NAME_EN_LAST}",
            "Deposit 3000 USDT to {ERC20}, then send screenshot to {EMAIL}",
            "赎金20万，打到这个卡 {BANKCARD}，不要报警，电话{PHONE}",
            "你儿子在我们这，想要人就加QQ{QQ}，微信号：{WECHAT_ID}",
            "公司地址在 {URL}，面试请联系 {HANDLE}",
            "详情看 {URL}，或者直接打 {PHONE}",
            "Check our page {URL} and message us on {TME}",
            "身份证号码：{ID}，护照：{PASSPORT}，都发过来",
            "加我飞机 {HANDLE}，手机 {PHONE_HAN}",
            "我姓{SURNAME}，电话{PHONE}，微信同号");

    private static final List<String> PHONE_REGIONS = List.of("CN", "MM", "KH", "LA", "TH", "PH", "VN", "MY", "ID",
            "IN", "KE", "TW", "HK", "UG", "NG", "LK", "NP", "BD", "PK", "GB", "US", "SG");
    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "林", "郑");
    private static final List<String> GIVEN = List.of("伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "小明", "建国", "丽华");
    private static final List<String> FIRST_EN = List.of("Anna", "Brian", "Grace", "Kevin", "Maria", "Joseph", "Aisha", "Daniel", "Joy", "Samuel");
    private static final List<String> LAST_EN = List.of("Santos", "Mwangi", "Reyes", "Otieno", "Nguyen", "Kumar", "Tan", "Wanjiru", "Garcia", "Lim");
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern SLOT = Pattern.compile("\\{([A-Z_0-9]+)}");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final Random random;

    private PlantedIdentifiers(long seed) {
        this.random = new Random(seed);
    }

    /** Messages until at least {@code minPlanted} identifiers are planted. */
    public static List<Message> generate(long seed, int minPlanted) {
        PlantedIdentifiers g = new PlantedIdentifiers(seed);
        List<Message> out = new ArrayList<>();
        int planted = 0;
        int i = 0;
        while (planted < minPlanted) {
            Message m = g.message(TEMPLATES.get(i++ % TEMPLATES.size()));
            out.add(m);
            planted += m.planted().size();
        }
        return out;
    }

    private Message message(String template) {
        List<Planted> planted = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        Matcher m = SLOT.matcher(template);
        while (m.find()) {
            Planted p = value(m.group(1));
            if (p.type() != null) {
                planted.add(p);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(p.written()));
        }
        m.appendTail(sb);
        return new Message(sb.toString(), planted);
    }

    private Planted value(String slot) {
        return switch (slot) {
            case "PHONE" -> phone();
            case "PHONE_HAN" -> hanPhone();
            case "EMAIL" -> {
                String e = word(5, 10) + (random.nextBoolean() ? "." + word(3, 6) : "") + "@"
                        + pick(List.of("gmail.com", "yahoo.com", "outlook.com", "qq.com", "163.com", "hr-global.example.net"));
                yield new Planted(Redaction.Type.EMAIL, e, e);
            }
            case "HANDLE" -> {
                String u = username();
                yield new Planted(Redaction.Type.HANDLE, "@" + u, u);
            }
            case "TME" -> {
                String u = username();
                String w = pick(List.of("t.me/", "https://t.me/", "telegram.me/", "https://t.me/joinchat/")) + u;
                yield new Planted(Redaction.Type.URL, w, u);
            }
            case "URL" -> {
                String host = word(5, 9) + pick(List.of(".com", ".net", ".top", ".vip", ".cc", ".xyz"));
                String w = pick(List.of("https://", "http://www.", "", "www.")) + host + pick(List.of("", "/jobs", "/apply?id=" + random.nextInt(9999)));
                yield new Planted(Redaction.Type.URL, w, host);
            }
            case "WECHAT" -> {
                String id = wechatId();
                yield new Planted(Redaction.Type.WECHAT, id, id);
            }
            case "WECHAT_ID" -> {
                String id = wechatId();
                yield new Planted(Redaction.Type.WECHAT, id, id);
            }
            case "QQ" -> {
                String qq = (1 + random.nextInt(9)) + digits(5 + random.nextInt(5));
                yield new Planted(Redaction.Type.QQ, qq, qq);
            }
            case "LINE" -> {
                String id = word(4, 8) + pick(List.of("_", ".", "")) + digits(2);
                yield new Planted(Redaction.Type.LINE, id, id);
            }
            case "ID" -> {
                String id = chineseId();
                yield new Planted(Redaction.Type.ID, id, id);
            }
            case "PASSPORT" -> {
                String p = pick(List.of("E", "G", "EA", "P")) + digits(7 + random.nextInt(2));
                yield new Planted(Redaction.Type.PASSPORT, p, p);
            }
            case "BANKCARD" -> bankCard();
            case "TRC20" -> {
                String w = "T" + base58(33);
                yield new Planted(Redaction.Type.WALLET, w, w);
            }
            case "ERC20" -> {
                String w = "0x" + hex(40);
                yield new Planted(Redaction.Type.WALLET, w, w);
            }
            case "BTC" -> {
                String w = random.nextBoolean() ? "1" + base58(32) : "bc1q" + lowerAlnum(38);
                yield new Planted(Redaction.Type.WALLET, w, w);
            }
            case "NAME_ZH" -> {
                String n = pick(SURNAMES) + pick(GIVEN);
                yield new Planted(Redaction.Type.NAME, n, n);
            }
            case "SURNAME" -> {
                String n = pick(SURNAMES);
                yield new Planted(Redaction.Type.NAME, n, n);
            }
            case "NAME_EN" -> {
                String n = pick(FIRST_EN) + " " + pick(LAST_EN);
                yield new Planted(Redaction.Type.NAME, n, n);
            }
            case "NAME_EN_LAST" -> {
                String n = pick(LAST_EN);
                yield new Planted(Redaction.Type.NAME, n, n);
            }
            default -> throw new IllegalArgumentException("unknown slot " + slot);
        };
    }

    private Planted phone() {
        String region = pick(PHONE_REGIONS);
        PhoneNumber n = validMobile(region);
        int style = random.nextInt(6);
        // national format only where the redactor is told to look for numbers without a country code
        boolean home = Redactor.DEFAULT_REGIONS.contains(region);
        PhoneNumberUtil.PhoneNumberFormat f = style == 0 && home ? PhoneNumberUtil.PhoneNumberFormat.NATIONAL
                : style == 1 ? PhoneNumberUtil.PhoneNumberFormat.E164 : PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL;
        String written = phones.format(n, f);
        if (style == 3) {
            written = written.replace(' ', '-');
        } else if (style == 4) {
            written = fullWidth(written);
        } else if (style == 5) {
            written = written.replace("+", "00");
        }
        return new Planted(Redaction.Type.PHONE, written, String.valueOf(n.getNationalNumber()));
    }

    private Planted hanPhone() {
        String digits = "13" + digits(9);
        StringBuilder sb = new StringBuilder();
        for (char c : digits.toCharArray()) {
            sb.append("零一二三四五六七八九".charAt(c - '0'));
        }
        return new Planted(Redaction.Type.PHONE, sb.toString(), sb.toString());
    }

    private PhoneNumber validMobile(String region) {
        PhoneNumber example = phones.getExampleNumberForType(region, PhoneNumberUtil.PhoneNumberType.MOBILE);
        String nsn = String.valueOf(example.getNationalNumber());
        for (int attempt = 0; attempt < 50; attempt++) {
            String candidate = nsn.substring(0, nsn.length() - 4) + digits(4);
            PhoneNumber n = new PhoneNumber().setCountryCode(example.getCountryCode()).setNationalNumber(Long.parseLong(candidate));
            if (phones.isValidNumber(n)) {
                return n;
            }
        }
        return example;
    }

    private Planted bankCard() {
        String body = pick(List.of("622202", "621700", "453201", "542418")) + digits(9);
        String card = body + luhnDigit(body);
        String written = random.nextBoolean() ? card : card.replaceAll("(\\d{4})(?=\\d)", "$1 ");
        return new Planted(Redaction.Type.BANKCARD, written, card);
    }

    private String chineseId() {
        String body = pick(List.of("110101", "440301", "530102", "350203")) + (1970 + random.nextInt(35))
                + String.format(Locale.ROOT, "%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)) + digits(3);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private static char luhnDigit(String body) {
        for (char c = '0'; c <= '9'; c++) {
            if (Redactor.luhn(body + c)) {
                return c;
            }
        }
        throw new IllegalStateException("no Luhn digit");
    }

    private String wechatId() {
        return word(1, 1) + lowerAlnum(4 + random.nextInt(6)) + pick(List.of("", "_", "-")) + digits(2);
    }

    private String username() {
        return word(3, 7) + pick(List.of("_", "", "_hr_")) + word(2, 5) + (random.nextBoolean() ? digits(2) : "");
    }

    private String word(int min, int max) {
        int len = min + random.nextInt(max - min + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    private String digits(int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    private String base58(int len) {
        return fromAlphabet(BASE58, len);
    }

    private String lowerAlnum(int len) {
        return fromAlphabet(ALNUM, len);
    }

    private String hex(int len) {
        return fromAlphabet("0123456789abcdefABCDEF", len);
    }

    private String fromAlphabet(String alphabet, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String fullWidth(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c == ' ' ? '\u3000' : c);
        }
        return sb.toString();
    }
}
