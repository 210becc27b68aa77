package org.jobguard.web;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebSettingsTest {
    @Test
    void onePasswordCheckAtOncePer64MebibytesOfHeap() {
        assertEquals(2, WebSettings.passwordHashingSlotsFor(128L * 1024 * 1024), "the README's -Xmx128m");
        assertEquals(1, WebSettings.passwordHashingSlotsFor(32L * 1024 * 1024), "at least one");
        assertEquals(16, WebSettings.passwordHashingSlotsFor(1024L * 1024 * 1024));
    }

    @Test
    void trustedProxiesAreAListOfAddresses() {
        assertEquals(java.util.Set.of("127.0.0.1", "::1"), WebSettings.fromEnvironment(
                Map.of("JOBGUARD_TRUSTED_PROXIES", " 127.0.0.1, ::1 ,"), Path.of("data")).trustedProxies());
        assertTrue(WebSettings.fromEnvironment(Map.of(), Path.of("data")).trustedProxies().isEmpty());
    }

    @Test
    void localModeListensOnLoopbackOnPort8080() {
        WebSettings s = WebSettings.fromEnvironment(Map.of(), Path.of("data"));
        assertEquals("127.0.0.1", s.host());
        assertEquals(8080, s.port());
        assertFalse(s.secureCookies());
        assertTrue(s.adminUser().isEmpty());
    }

    @Test
    void environmentOverrides() {
        WebSettings s = WebSettings.fromEnvironment(Map.of("JOBGUARD_PORT", "0", "JOBGUARD_HOST", "0.0.0.0",
                "JOBGUARD_SECURE_COOKIES", "true", "JOBGUARD_ADMIN_USER", "ngo", "JOBGUARD_ADMIN_PASSWORD", " "),
                Path.of("data"));
        assertEquals(0, s.port());
        assertEquals("0.0.0.0", s.host());
        assertTrue(s.secureCookies());
        assertEquals("ngo", s.adminUser().orElseThrow());
        assertTrue(s.adminPassword().isEmpty(), "a blank password counts as none");
    }

    @Test
    void badPortFailsFastNamingTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebSettings.fromEnvironment(Map.of("JOBGUARD_PORT", "eighty"), Path.of("data")));
        assertTrue(e.getMessage().contains("JOBGUARD_PORT"));
        assertThrows(IllegalArgumentException.class,
                () -> WebSettings.fromEnvironment(Map.of("JOBGUARD_PORT", "70000"), Path.of("data")));
    }
}
