package org.jobguard;

import org.jobguard.checker.Language;
import org.jobguard.checker.Risk;
import org.jobguard.checker.Verdict;
import org.jobguard.patterns.PatternService;
import org.jobguard.patterns.Source;
import org.jobguard.telegram.PatternSink;

import java.util.List;
import java.util.Optional;

/** The bot's {@link PatternSink} over the one pattern service the web writes through too. */
final class StoredPatterns implements PatternSink {
    private final PatternService service;

    StoredPatterns(PatternService service) {
        this.service = service;
    }

    @Override
    public Optional<Long> record(Verdict verdict, String text, boolean forwarded) {
        PatternService.Recorded r = service.record(verdict, text, Source.BOT, forwarded);
        return r.status() == PatternService.Recorded.Status.STORED ? Optional.of(r.patternId()) : Optional.empty();
    }

    @Override
    public Optional<Long> record(Verdict verdict, String text, boolean forwarded, String userHash) {
        PatternService.Recorded r = service.record(verdict, text, Source.BOT, forwarded, Optional.of(userHash));
        return r.status() == PatternService.Recorded.Status.STORED ? Optional.of(r.patternId()) : Optional.empty();
    }

    @Override
    public int forget(String userHash) {
        return Math.max(0, service.forget(userHash));
    }

    @Override
    public void reportWrong(Optional<Long> recordId, List<String> ruleIds, Risk risk, Language language) {
        service.reportWrong(recordId, ruleIds, risk, language, Source.BOT);
    }
}
