package org.jobguard.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jobguard.checker.Language;
import org.jobguard.checker.Risk;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What the buttons under a verdict need to know later (button data is limited to 64 bytes): the stored
 * record, the rules that fired and the advice; never the text. Tokens are random, not derived from ids.
 */
final class RecentChecks {
    record Check(String userHash, Optional<Long> recordId, List<String> ruleIds, Risk risk, Language language) {
    }

    private final Cache<String, Check> byToken;
    private final SecureRandom random = new SecureRandom();

    RecentChecks(Duration keepFor) {
        this.byToken = Caffeine.newBuilder().expireAfterWrite(keepFor).maximumSize(500_000).build();
    }

    String remember(Check check) {
        byte[] b = new byte[9];
        random.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        byToken.put(token, check);
        return token;
    }

    /** The pattern stored for a check after its reply went out. */
    void attachRecord(String token, long recordId) {
        byToken.asMap().computeIfPresent(token, (t, c) ->
                new Check(c.userHash(), Optional.of(recordId), c.ruleIds(), c.risk(), c.language()));
    }

    /** Takes the check out, so a report counts once however often the button is pressed. */
    Optional<Check> take(String token) {
        return Optional.ofNullable(byToken.asMap().remove(token));
    }

    void forgetUser(String userHash) {
        byToken.asMap().values().removeIf(c -> c.userHash().equals(userHash));
    }
}
