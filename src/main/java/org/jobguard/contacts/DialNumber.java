package org.jobguard.contacts;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.ShortNumberInfo;

import java.util.Optional;

/**
 * A phone number checked with libphonenumber, in the form a phone can dial.
 *
 * @param written   as written in contacts.yaml, for display
 * @param dial      what to dial: E.164 ({@code +861012308}) for full numbers, the bare digits for short codes
 * @param region    ISO 3166 region the number belongs to
 * @param shortCode a short code such as 110 or 1155 that only works when dialled inside {@code region}
 */
public record DialNumber(String written, String dial, String region, boolean shortCode) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final ShortNumberInfo SHORT_NUMBERS = ShortNumberInfo.getInstance();

    /**
     * Parses a number as written; {@code region} is where a number without {@code +} is dialled.
     *
     * @param declaredShortCode the source vouches that this is a short code which libphonenumber's short-number
     *                          data does not know yet (Laos police 1191); only 3 to 6 digits are accepted then
     * @throws IllegalArgumentException with a reason a person can act on
     */
    public static DialNumber parse(String written, String region, boolean declaredShortCode) {
        if (written == null || written.isBlank()) {
            throw new IllegalArgumentException("phone number is empty");
        }
        String text = written.strip();
        // libphonenumber reads letters as a keypad vanity number ("call us" would dial 225587).
        if (!text.matches("\\+?[0-9 ()./-]+")) {
            throw new IllegalArgumentException("phone number '" + text + "' may hold only digits, spaces, + ( ) - . /");
        }
        PhoneNumber number;
        try {
            number = PHONES.parse(text, region);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("phone number '" + text + "' does not parse: " + e.getMessage());
        }
        String numberRegion = PHONES.getRegionCodeForNumber(number);
        if (PHONES.isValidNumber(number)) {
            return new DialNumber(text, PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
                    numberRegion, false);
        }
        String national = PHONES.getNationalSignificantNumber(number);
        if (text.startsWith("+")) {
            // Some hotlines are short codes that are also reachable from abroad with the country code,
            // such as Hong Kong's +852 1868; accept them only if the short code is valid there.
            String home = PHONES.getRegionCodeForCountryCode(number.getCountryCode());
            if (SHORT_NUMBERS.isValidShortNumberForRegion(number, home)) {
                return new DialNumber(text, "+" + number.getCountryCode() + national, home, false);
            }
            throw new IllegalArgumentException("phone number '" + text + "' is not a valid number");
        }
        // Short codes: libphonenumber's short-number data misses many hotlines (Thailand 1441,
        // China 12381), so a possible short number for the region is accepted; the source vouches for it.
        if (SHORT_NUMBERS.isPossibleShortNumberForRegion(number, region)) {
            return new DialNumber(text, national, region, true);
        }
        if (declaredShortCode && text.matches("[1-9][0-9]{2,5}")) {
            return new DialNumber(text, text, region, true);
        }
        throw new IllegalArgumentException("phone number '" + text + "' is neither a valid number nor a short code in "
                + region);
    }

    /** {@code tel:} URI for tap-to-call links. */
    public String telUri() {
        return "tel:" + dial;
    }

    /**
     * The number as someone in another country dials it ({@code +66 2 123 4567}), so that a family abroad can call
     * the destination's lines; a short code, which cannot be dialled from abroad, as written.
     */
    public String international() {
        if (shortCode) {
            return written;
        }
        try {
            PhoneNumber number = PHONES.parse(dial, region);
            return PHONES.isValidNumber(number)
                    ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL) : written;
        } catch (NumberParseException e) {
            return written;
        }
    }

    /** E.164 form, absent for short codes that have none. */
    public Optional<String> e164() {
        return shortCode ? Optional.empty() : Optional.of(dial);
    }
}
