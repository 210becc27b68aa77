package org.jobguard.web;

import java.util.List;
import java.util.Set;

/**
 * The address a request comes from, for the login throttle. Behind a reverse proxy every connection comes
 * from the proxy, and one stranger's wrong passwords would block everyone. So when the connection comes
 * from a proxy the operator named ({@code JOBGUARD_TRUSTED_PROXIES}), the client is the last address in
 * {@code X-Forwarded-For} that is not itself a trusted proxy: the one the outermost trusted proxy saw.
 * From any other peer the header is ignored, or a guesser could name a new address with every guess.
 */
final class ClientAddress {
    private final Set<String> trustedProxies;

    /** @param trustedProxies addresses as the server sees the proxies' connections, e.g. {@code 127.0.0.1} */
    ClientAddress(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /**
     * @param peer         the address of the connection
     * @param forwardedFor the values of every {@code X-Forwarded-For} header, in order
     */
    String of(String peer, List<String> forwardedFor) {
        if (!trustedProxies.contains(bare(peer))) {
            return peer;
        }
        String[] hops = String.join(",", forwardedFor).split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = bare(hops[i].trim());
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }

    /** "[::1]" and "::1" are one address. */
    private static String bare(String address) {
        return address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
    }
}
