package org.jobguard;

import org.jobguard.checker.Language;
import org.jobguard.checker.Risk;
import org.jobguard.checker.Verdict;
import org.jobguard.patterns.PatternService;
import org.jobguard.patterns.Source;
import org.jobguard.telegram.PatternSink;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The bot's {@link PatternSink} over the one pattern service the web writes through too. */
final class StoredPatterns implements PatternSink {
    private final PatternService service;
    private final Duration forgetWindow;

    /** @param forgetWindow the window the service was built with: how far back its /forget reaches */
    StoredPatterns(PatternService service, Duration forgetWindow) {
        this.service = service;
        this.forgetWindow = forgetWindow;
    }

    @Override
    public Optional<Long> record(Verdict verdict, String text, boolean forwarded, String sender) {
        return stored(service.record(verdict, text, Source.BOT, forwarded, Optional.of(sender)));
    }

    private static Optional<Long> stored(PatternService.Recorded r) {
        if (r.status() == PatternService.Recorded.Status.FAILED) {
            // the service has logged why; the bot must not acknowledge the update as handled
            throw new IllegalStateException("the pattern store could not record the message");
        }
        return r.status() == PatternService.Recorded.Status.STORED ? Optional.of(r.patternId()) : Optional.empty();
    }

    @Override
    public Optional<Long> replace(Optional<Long> earlierId, Verdict verdict, String text, boolean forwarded, String sender) {
        return stored(service.replace(earlierId, verdict, text, Source.BOT, forwarded, Optional.of(sender)));
    }

    @Override
    public void reportWrong(Optional<Long> recordId, List<String> ruleIds, Risk risk, Language language) {
        service.reportWrong(recordId, ruleIds, risk, language, Source.BOT);
    }

    @Override
    public Optional<org.jobguard.patterns.ConfirmedContact> confirmedContact(String text) {
        return service.confirmedContact(text);
    }

    @Override
    public int forget(String sender) {
        // the service answers -1 when the store failed; the user is told nothing was deleted
        return Math.max(0, service.forget(sender));
    }

    @Override
    public Duration forgetWindow() {
        return forgetWindow;
    }
}
