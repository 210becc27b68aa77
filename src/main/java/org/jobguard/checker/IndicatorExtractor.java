package org.jobguard.checker;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds recruiter contact points in the original text: links, Telegram links, handles, e-mails, phone numbers
 * (with their country, via libphonenumber) and crypto wallets. Offsets are code points, like flags.
 */
public final class IndicatorExtractor {
    private static final Pattern TELEGRAM = Pattern.compile(
            "(?i)(?:https?://)?(?:t\\.me|telegram\\.me|telegram\\.dog)/(?:joinchat/|\\+)?[A-Za-z0-9_+-]{3,64}");
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://[^\\s<>\"'，。！）)]+|www\\.[^\\s<>\"'，。！）)]+"
                    + "|[a-z0-9][a-z0-9-]{0,62}(?:\\.[a-z0-9-]{1,63})*\\.(?:com|net|org|me|io|cc|xyz|top|vip|app|info|biz"
                    + "|co|kh|mm|la|th|ph|cn|hk|tw|my|vn|id|in|ke|site|online|shop|club|link)\\b(?:/[^\\s<>\"'，。！）)]*)?)");
    private static final Pattern EMAIL = Pattern.compile(
            "(?i)\\b[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,253}\\.[a-z]{2,24}\\b");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\w@.])@[A-Za-z][A-Za-z0-9_]{3,31}\\b");
    private static final Pattern WALLET = Pattern.compile(
            "\\b(T[1-9A-HJ-NP-Za-km-z]{33}|0x[a-fA-F0-9]{40}|bc1[a-z0-9]{25,59}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})\\b");
    /** libphonenumber is slow; only texts with a run of 7+ digits (separators allowed) are worth its time. */
    private static final Pattern MAYBE_PHONE = Pattern.compile("[0-9０-９](?:[\\s().\\-–]{0,2}[0-9０-９]){6,}");
    private static final String[] PHONE_REGIONS = {"CN", "MM", "TH"};

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    public List<Indicator> extract(String text) {
        List<Indicator> found = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();
        find(text, TELEGRAM, found, taken, Indicator.Type.TELEGRAM_LINK);
        find(text, EMAIL, found, taken, Indicator.Type.EMAIL);
        find(text, URL, found, taken, Indicator.Type.URL);
        find(text, HANDLE, found, taken, Indicator.Type.HANDLE);
        find(text, WALLET, found, taken, Indicator.Type.WALLET);
        if (MAYBE_PHONE.matcher(text).find()) {
            findPhones(text, found, taken);
        }
        found.sort(Comparator.comparingInt(Indicator::start));
        return found;
    }

    private void find(String text, Pattern pattern, List<Indicator> found, List<int[]> taken, Indicator.Type type) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (overlaps(taken, m.start(), m.end())) {
                continue;
            }
            String value = trimTrailing(m.group());
            int end = m.start() + value.length();
            if (type == Indicator.Type.WALLET && value.chars().allMatch(Character::isDigit)) {
                continue;
            }
            taken.add(new int[] {m.start(), end});
            found.add(new Indicator(type, value, canonical(type, value), detail(type, value),
                    text.codePointCount(0, m.start()), text.codePointCount(0, end)));
        }
    }

    private void findPhones(String text, List<Indicator> found, List<int[]> taken) {
        for (String region : PHONE_REGIONS) {
            for (PhoneNumberMatch m : phones.findNumbers(text, region, PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
                if (overlaps(taken, m.start(), m.end())) {
                    continue;
                }
                taken.add(new int[] {m.start(), m.end()});
                String e164 = phones.format(m.number(), PhoneNumberUtil.PhoneNumberFormat.E164);
                String regionCode = phones.getRegionCodeForNumber(m.number());
                found.add(new Indicator(Indicator.Type.PHONE, m.rawString(), e164,
                        "+" + m.number().getCountryCode() + (regionCode == null ? "" : " " + regionCode),
                        text.codePointCount(0, m.start()), text.codePointCount(0, m.end())));
            }
        }
    }

    private static boolean overlaps(List<int[]> taken, int start, int end) {
        for (int[] t : taken) {
            if (start < t[1] && end > t[0]) {
                return true;
            }
        }
        return false;
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
            case URL, TELEGRAM_LINK -> v.replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
            case WALLET -> value;
            default -> v;
        };
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
