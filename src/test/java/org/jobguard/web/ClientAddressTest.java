package org.jobguard.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {
    private final ClientAddress behindProxies = new ClientAddress(Set.of("127.0.0.1", "10.0.0.2", "::1"));

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientWhateverItsHeaderSays() {
        assertEquals("203.0.113.9", behindProxies.of("203.0.113.9", List.of("198.51.100.7")));
        assertEquals("127.0.0.1", new ClientAddress(Set.of()).of("127.0.0.1", List.of("198.51.100.7")));
    }

    @Test
    void behindTrustedProxiesTheClientIsTheLastAddressNoTrustedProxyAdded() {
        assertEquals("198.51.100.7", behindProxies.of("127.0.0.1", List.of("198.51.100.7")));
        // a client's own header comes first; each proxy appends what it saw
        assertEquals("198.51.100.7", behindProxies.of("127.0.0.1", List.of("6.6.6.6, 198.51.100.7, 10.0.0.2")));
        assertEquals("198.51.100.7", behindProxies.of("127.0.0.1", List.of("6.6.6.6", "198.51.100.7")));
        assertEquals("198.51.100.7", behindProxies.of("[::1]", List.of("198.51.100.7")));
    }

    @Test
    void withoutAForwardedAddressTheProxyIsTheClient() {
        assertEquals("127.0.0.1", behindProxies.of("127.0.0.1", List.of()));
        assertEquals("127.0.0.1", behindProxies.of("127.0.0.1", List.of(" , 10.0.0.2")));
    }
}
