package org.jobguard.contacts;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DialNumberTest {

    @Test
    void internationalNumberGetsE164AndTelUri() {
        DialNumber n = DialNumber.parse("+86-10-12308", "CN", false);
        assertEquals("+861012308", n.dial());
        assertEquals(Optional.of("+861012308"), n.e164());
        assertEquals("tel:+861012308", n.telUri());
        assertEquals("CN", n.region());
        assertFalse(n.shortCode());
    }

    @Test
    void nationalFormatIsReadInItsRegion() {
        DialNumber n = DialNumber.parse("0800-085-095", "TW", false);
        assertEquals("+886800085095", n.dial());
    }

    @Test
    void shortCodesStayShortAndHaveNoE164() {
        DialNumber n = DialNumber.parse("1155", "TH", false);
        assertTrue(n.shortCode());
        assertEquals("tel:1155", n.telUri());
        assertEquals(Optional.empty(), n.e164());
        assertEquals("TH", n.region());
    }

    @Test
    void hotlineReachableFromAbroadByCountryCodeIsAccepted() {
        DialNumber n = DialNumber.parse("+852 1868", "HK", false);
        assertEquals("tel:+8521868", n.telUri());
        assertFalse(n.shortCode());
    }

    @Test
    void shortCodeUnknownToLibphonenumberNeedsToBeDeclared() {
        assertThrows(IllegalArgumentException.class, () -> DialNumber.parse("1191", "LA", false));
        assertEquals("tel:1191", DialNumber.parse("1191", "LA", true).telUri());
        assertThrows(IllegalArgumentException.class, () -> DialNumber.parse("11a1", "LA", true));
    }

    @Test
    void wrongNumbersAreRejectedWithTheNumberInTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DialNumber.parse("+66 81 882 328", "CN", false));
        assertTrue(e.getMessage().contains("+66 81 882 328"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DialNumber.parse("call us", "CN", false));
        assertThrows(IllegalArgumentException.class, () -> DialNumber.parse(" ", "CN", false));
    }
}
