package org.jobguard.privacy;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndicatorHasherTest {
    private static final String SECRET = "test-secret-0123456789abcdef";

    @Test
    void sameIndicatorSameHashDifferentSecretDifferentHash() {
        IndicatorHasher a = new IndicatorHasher(SECRET);
        Redaction.Item handle = new Redaction.Item(Redaction.Type.HANDLE, "<HANDLE>", "hr_recruit");
        assertEquals(a.hash(handle), new IndicatorHasher(SECRET).hash(handle));
        assertNotEquals(a.hash(handle), new IndicatorHasher(SECRET + "x").hash(handle));
        assertNotEquals(a.hash(handle), a.hash(new Redaction.Item(Redaction.Type.WECHAT, "<WECHAT>", "hr_recruit")));
        assertEquals(64, a.hash(handle).length());
        assertFalse(a.hash(handle).contains("hr_recruit"));
    }

    @Test
    void refusesToStartWithoutASecretAndSaysHowToSetIt() {
        var e = assertThrows(IndicatorHasher.MissingSecretException.class, () -> IndicatorHasher.fromEnvironment(Map.of()));
        assertTrue(e.getMessage().contains("JOBGUARD_HMAC_SECRET"));
        assertTrue(e.getMessage().contains("openssl rand"));
        assertThrows(IndicatorHasher.MissingSecretException.class, () -> new IndicatorHasher("short"));
        assertFalse(new IndicatorHasher(SECRET).toString().contains(SECRET));
    }
}
