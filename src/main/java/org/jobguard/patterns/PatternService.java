package org.jobguard.patterns;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jobguard.checker.Language;
import org.jobguard.checker.Normalizer;
import org.jobguard.checker.RedFlag;
import org.jobguard.checker.Risk;
import org.jobguard.checker.RuleSet;
import org.jobguard.checker.Verdict;
import org.jobguard.privacy.IndicatorHasher;
import org.jobguard.privacy.Redaction;
import org.jobguard.privacy.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one way the bot and the web page write to the pattern store, and the moderators' operations.
 *
 * <p>What is written for a flagged message (risk medium or high): its text as written (language, script and case
 * kept, so that a moderator reads what was sent) with identifiers replaced by typed placeholders, or, when
 * normalizing it reveals an identifier the first pass could not see, its normalized form redacted again; the
 * rules that fired; risk, language, the day
 * (UTC, no time), forwarded or typed, bot or web; keyed hashes of the recruiter contacts; a 64-bit
 * fingerprint. For every message, flagged or not, only counters: checked, flagged, hits per rule. Never a
 * user id, chat id, username, name or the raw text.
 *
 * <p><b>What /forget can remove.</b> Nothing in the database says who sent a pattern, so it cannot be
 * found again by user. To honour /forget anyway, this service keeps, in memory only, a short-lived link
 * from a keyed hash of the sender (the caller passes an opaque key such as the chat id; it is hashed at
 * once and never written) to the patterns they sent in the last {@code forgetWindow}. {@link #forget}
 * deletes those patterns (with their rule hits, contact hashes and reports) and the link. Older patterns,
 * or those sent before a restart, are not linkable to anyone by design; they are deleted by the retention
 * purge after the configured number of days. Counters hold no text and stay.
 *
 * <p>Store failures (disk full, I/O errors) are logged without any message content and reported as
 * {@link Recorded.Status#FAILED}: the caller still answers the user.
 */
public final class PatternService {
    private static final Logger log = LoggerFactory.getLogger(PatternService.class);
    /** Default for how long /forget can still find what someone sent: a day covers "I just sent that". */
    public static final Duration DEFAULT_FORGET_WINDOW = Duration.ofHours(24);
    /** A contact is said to be known only from this many confirmed reports: one could be a moderator's slip. */
    public static final int MIN_CONFIRMED_REPORTS = 2;

    /** What happened to one message. */
    public record Recorded(Status status, long patternId, long groupId) {
        public enum Status {
            /** kept as an anonymized pattern (and counted) */
            STORED,
            /** not flagged: only the counters changed */
            COUNTED,
            /** the store failed; the error is logged, the caller goes on */
            FAILED
        }

        static Recorded counted() {
            return new Recorded(Status.COUNTED, -1, -1);
        }

        static Recorded failed() {
            return new Recorded(Status.FAILED, -1, -1);
        }
    }

    private final PatternStore store;
    private final Redactor redactor;
    private final IndicatorHasher hasher;
    private final Normalizer normalizer;
    private final Fingerprinter fingerprinter;
    private final ConfirmedPatternIndex index;
    private final Clock clock;
    private final Consumer<RuleToggle> onRuleToggle;
    private final Supplier<RuleSet> rules;
    private final Cache<String, List<Long>> recentBySender;

    /**
     * @param rules        the checker's current rules ({@code checker::rules}), to know the category of a rule id
     * @param onRuleToggle applies a moderator's rule switch to the running checker
     * @param forgetWindow how long the in-memory sender → pattern link lives (see the class comment)
     */
    public PatternService(PatternStore store, Redactor redactor, IndicatorHasher hasher, Normalizer normalizer,
                          ConfirmedPatternIndex index, Clock clock, Supplier<RuleSet> rules,
                          Consumer<RuleToggle> onRuleToggle, Duration forgetWindow) {
        this.store = store;
        this.redactor = redactor;
        this.hasher = hasher;
        this.normalizer = normalizer;
        this.fingerprinter = new Fingerprinter(normalizer, redactor);
        this.index = index;
        this.clock = clock;
        this.onRuleToggle = onRuleToggle;
        this.rules = rules;
        this.recentBySender = Caffeine.newBuilder().expireAfterWrite(forgetWindow).maximumSize(100_000)
                .ticker(() -> clock.millis() * 1_000_000L).build();
        index.reload();
    }

    /** Read-only queries for the dashboard (queue, reports, stats, audit). */
    public PatternStore queries() {
        return store;
    }

    public ConfirmedPatternIndex confirmedPatterns() {
        return index;
    }

    /** {@link #record(Verdict, String, Source, boolean, Optional)} without a /forget link. */
    public Recorded record(Verdict verdict, String originalText, Source source, boolean forwarded) {
        return record(verdict, originalText, source, forwarded, Optional.empty());
    }

    /**
     * Counts a checked message and, when it is flagged, stores it as an anonymized pattern. Returns after
     * the commit, so that whoever acknowledges the message afterwards never acknowledges something lost.
     *
     * @param sender an opaque per-user key (e.g. the chat id as text) used only for /forget, hashed in memory
     */
    public Recorded record(Verdict verdict, String originalText, Source source, boolean forwarded, Optional<String> sender) {
        LocalDate day = today();
        List<PatternStore.FiredRule> rules = firedRules(verdict);
        try {
            if (!verdict.flagged()) {
                store.writes().countCheck(day, source, false, rules);
                return Recorded.counted();
            }
            PatternStore.Stored s = store.writes().countAndInsert(day, source, rules, newPattern("flagged", verdict, originalText, source, forwarded, day, rules));
            sender.ifPresent(k -> link(k, s.patternId()));
            return new Recorded(Recorded.Status.STORED, s.patternId(), s.groupId());
        } catch (StoreException | IllegalStateException e) {
            log.error("pattern store: could not record a {} message from {}: {}", verdict.risk().id(), source.id(), e.getMessage());
            return Recorded.failed();
        }
    }

    /**
     * A message that grew after it was recorded: an album, whose pictures are read one after another. The pattern
     * recorded for it so far ({@code earlierId}, from {@link #record} or from this) gives way to the whole text's,
     * so that the album is stored once, as the moderators should see it, and counted as one check.
     */
    public Recorded replace(Optional<Long> earlierId, Verdict verdict, String originalText, Source source,
                            boolean forwarded, Optional<String> sender) {
        LocalDate day = today();
        try {
            Optional<PatternStore.NewPattern> p = verdict.flagged()
                    ? Optional.of(newPattern("flagged", verdict, originalText, source, forwarded, day, firedRules(verdict)))
                    : Optional.empty();
            Optional<PatternStore.Stored> s = store.writes().replacePattern(day, source, earlierId, p);
            if (s.isEmpty()) {
                return Recorded.counted();
            }
            sender.ifPresent(k -> link(k, s.get().patternId()));
            return new Recorded(Recorded.Status.STORED, s.get().patternId(), s.get().groupId());
        } catch (StoreException | IllegalStateException e) {
            log.error("pattern store: could not replace a {} message from {}: {}", verdict.risk().id(), source.id(), e.getMessage());
            return Recorded.failed();
        }
    }

    /**
     * A "this is wrong" report from the bot's button or the web's link: the message joins the review queue
     * as an anonymized pattern with a report attached; the rules that fired get a false-positive (or
     * false-negative) count. No identity is kept.
     */
    public Recorded report(FeedbackKind kind, Verdict verdict, String originalText, Source source) {
        return report(kind, verdict, originalText, source, Optional.empty());
    }

    public Recorded report(FeedbackKind kind, Verdict verdict, String originalText, Source source, Optional<String> sender) {
        LocalDate day = today();
        List<PatternStore.FiredRule> rules = firedRules(verdict);
        try {
            PatternStore.Stored s = store.writes().insertReport(newPattern("report", verdict, originalText, source, false, day, rules), kind);
            sender.ifPresent(k -> link(k, s.patternId()));
            return new Recorded(Recorded.Status.STORED, s.patternId(), s.groupId());
        } catch (StoreException | IllegalStateException e) {
            log.error("pattern store: could not record a {} report from {}: {}", kind.id(), source.id(), e.getMessage());
            return Recorded.failed();
        }
    }

    /**
     * "This is wrong" from the bot, which keeps only the stored pattern's id (if the message was stored) and
     * the verdict's rules, risk and language, never the text. A flagged verdict reported wrong is a false
     * positive, an unflagged one a missed scam.
     *
     * @return whether the report was written (false when the store failed; the caller still thanks the user)
     */
    public boolean reportWrong(Optional<Long> patternId, List<String> ruleIds, Risk risk, Language language, Source source) {
        FeedbackKind kind = risk.atLeast(Risk.MEDIUM) ? FeedbackKind.FALSE_POSITIVE : FeedbackKind.FALSE_NEGATIVE;
        Recorded r = patternId.isPresent() ? reportStored(kind, patternId.get(), ruleIds, risk, language, source)
                : reportUnstored(kind, ruleIds, risk, language, source);
        return r.status() != Recorded.Status.FAILED;
    }

    /**
     * A report about a message stored earlier by {@link #record}, when the text is no longer at hand. If the
     * pattern is gone (purged, forgotten) the report is kept without it, from the verdict's rules, risk and language.
     */
    public Recorded reportStored(FeedbackKind kind, long patternId, List<String> ruleIds, Risk risk, Language language, Source source) {
        try {
            Optional<PatternStore.Stored> s = store.writes().reportOnPattern(patternId, kind, source, today());
            if (s.isPresent()) {
                return new Recorded(Recorded.Status.STORED, s.get().patternId(), s.get().groupId());
            }
            return reportUnstored(kind, ruleIds, risk, language, source);
        } catch (StoreException e) {
            log.error("pattern store: could not record a {} report from {}: {}", kind.id(), source.id(), e.getMessage());
            return Recorded.failed();
        }
    }

    /**
     * A report about a message that was not stored (not flagged) and whose text is no longer at hand: the
     * verdict's rules, risk and language are kept, so per-rule and per-category error counts stay right.
     */
    public Recorded reportUnstored(FeedbackKind kind, List<String> ruleIds, Risk risk, Language language, Source source) {
        RuleSet current = rules.get();
        List<PatternStore.FiredRule> fired = ruleIds.stream().distinct().map(id -> current.rule(id)
                .map(r -> new PatternStore.FiredRule(id, r.shadow() ? null : r.category().id(), r.shadow()))
                .orElseGet(() -> new PatternStore.FiredRule(id, null, false))).toList();
        try {
            store.writes().reportWithoutPattern(kind, source, today(), risk, language.tag(), fired);
            return Recorded.counted();
        } catch (StoreException e) {
            log.error("pattern store: could not record a {} report from {}: {}", kind.id(), source.id(), e.getMessage());
            return Recorded.failed();
        }
    }

    /** A moderator has handled one report (reports on stored patterns are also resolved by group decisions). */
    public void resolveReport(long reportId) {
        store.writes().resolveReport(reportId);
    }

    /**
     * Deletes the patterns this sender sent within the forget window (see the class comment for why that
     * is all there is to delete). Returns how many were deleted; -1 when the store failed.
     */
    public int forget(String sender) {
        String key = senderKey(sender);
        List<Long> ids = recentBySender.getIfPresent(key);
        recentBySender.invalidate(key);
        if (ids == null || ids.isEmpty()) {
            return 0;
        }
        try {
            int n = store.writes().deletePatterns(ids);
            if (n > 0) {
                index.reload();
            }
            return n;
        } catch (StoreException e) {
            log.error("pattern store: /forget failed: {}", e.getMessage());
            return -1;
        }
    }

    // ---- moderators -------------------------------------------------------------------------------

    /** Confirms a group as a scam template; the checker recognises near-duplicates from the next message on. */
    public void confirm(long groupId, String moderator, String note) {
        store.moderation().confirm(groupId, moderator, note);
        index.reload();
    }

    /** Rejects a group (not a scam); if it was confirmed before, the checker stops matching it. */
    public void reject(long groupId, String moderator, String note) {
        store.moderation().reject(groupId, moderator, note);
        index.reload();
    }

    public void note(long groupId, String moderator, String note) {
        store.moderation().note(groupId, moderator, note);
    }

    /** Switches a rule (kept with an audit entry) and applies it to the running checker. */
    public RuleToggle toggleRule(String ruleId, boolean enabled, boolean shadow, String moderator, String reason) {
        RuleToggle t = new RuleToggle(ruleId, enabled, shadow, moderator, reason, Instant.now(clock));
        store.moderation().toggleRule(t);
        onRuleToggle.accept(t);
        return t;
    }

    /** The rules with every stored moderator toggle applied; toggles of rules no longer in config are skipped. */
    public RuleSet applyRuleStates(RuleSet rules) {
        RuleSet out = rules;
        for (RuleToggle t : store.dashboard().ruleStates().values()) {
            if (out.rule(t.ruleId()).isPresent()) {
                out = out.withToggle(t.ruleId(), t.enabled(), t.shadow());
            } else {
                log.warn("pattern store: a moderator toggled rule {}, which is no longer in rules.yaml", t.ruleId());
            }
        }
        return out;
    }

    /**
     * The recruiter contact of {@code text} (handle, phone, link, wallet, messenger id) that the most reports
     * moderators confirmed as scams carry, when at least {@link #MIN_CONFIRMED_REPORTS} do. The contacts are
     * hashed as stored patterns' are and only the hashes are compared. A store that cannot answer is logged and
     * answered with nothing: the verdict goes out without the line.
     */
    public Optional<ConfirmedContact> confirmedContact(String text) {
        Map<String, String> kindByHash = new LinkedHashMap<>();
        for (Redaction.Item item : redactor.redact(text == null ? "" : text).items()) {
            if (item.type().isIndicator() && !item.normalized().isEmpty()) {
                kindByHash.putIfAbsent(hasher.hash(item), item.type().name());
            }
        }
        if (kindByHash.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> counts;
        try {
            counts = store.dashboard().confirmedPatternsWithIndicators(kindByHash.keySet());
        } catch (RuntimeException e) {
            log.warn("pattern store: could not look up known contacts: {}", e.getClass().getName());
            return Optional.empty();
        }
        return counts.entrySet().stream().filter(e -> e.getValue() >= MIN_CONFIRMED_REPORTS)
                .max(Map.Entry.comparingByValue())
                .map(e -> new ConfirmedContact(kindByHash.get(e.getKey()), e.getValue()));
    }

    /** Deletes patterns older than {@code retentionDays} (see {@link PatternStore#purgeBefore}). */
    public PurgeResult purge(int retentionDays) {
        PurgeResult r = store.writes().purgeBefore(today().minusDays(retentionDays));
        index.reload();
        return r;
    }

    // ---- internals ------------------------------------------------------------------------------

    private PatternStore.NewPattern newPattern(String origin, Verdict v, String originalText, Source source, boolean forwarded,
                                               LocalDate day, List<PatternStore.FiredRule> rules) {
        String text = originalText == null ? "" : originalText;
        Redaction redaction = redactor.redact(text);
        Map<String, PatternStore.HashedIndicator> hashes = new LinkedHashMap<>();
        for (Redaction.Item item : redaction.items()) {
            if (item.type().isIndicator() && !item.normalized().isEmpty()) {
                String h = hasher.hash(item);
                hashes.putIfAbsent(h, new PatternStore.HashedIndicator(item.type().name(), h));
            }
        }
        // normalizing can reveal what the first pass could not see (digits split by odd characters, say): then the
        // normalized text, redacted again, is kept instead of the text as written; the fingerprint is always taken
        // from the normalized form
        Redaction again = redactor.redact(normalizer.normalize(redaction.text()).text());
        String stored = again.items().isEmpty() ? redaction.text() : again.text();
        SimHash.Fingerprint f = fingerprinter.ofOriginal(text);
        return new PatternStore.NewPattern(origin, stored, v.risk(), v.language().tag(), day, forwarded, source,
                f.bits(), f.shingles(), rules, List.copyOf(hashes.values()));
    }

    private static List<PatternStore.FiredRule> firedRules(Verdict v) {
        Map<String, PatternStore.FiredRule> out = new LinkedHashMap<>();
        for (RedFlag f : v.flags()) {
            out.putIfAbsent(f.ruleId(), new PatternStore.FiredRule(f.ruleId(), f.category().id(), false));
        }
        for (String id : v.shadowRuleIds()) {
            out.putIfAbsent(id, new PatternStore.FiredRule(id, null, true));
        }
        return new ArrayList<>(out.values());
    }

    private void link(String sender, long patternId) {
        recentBySender.asMap().compute(senderKey(sender), (k, ids) -> {
            List<Long> next = ids == null ? new ArrayList<>() : new ArrayList<>(ids);
            next.add(patternId);
            return List.copyOf(next);
        });
    }

    private String senderKey(String sender) {
        return hasher.hash("SENDER", sender);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
