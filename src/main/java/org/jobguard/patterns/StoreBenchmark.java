package org.jobguard.patterns;

import org.jobguard.checker.Category;
import org.jobguard.checker.Language;
import org.jobguard.checker.Normalizer;
import org.jobguard.checker.RedFlag;
import org.jobguard.checker.Risk;
import org.jobguard.checker.RuleSet;
import org.jobguard.checker.Severity;
import org.jobguard.checker.Verdict;
import org.jobguard.privacy.IndicatorHasher;
import org.jobguard.privacy.PlantedIdentifiers;
import org.jobguard.privacy.Redactor;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Measures the store: patterns recorded per second through {@link PatternService} by concurrent writers
 * (redaction, hashing, fingerprinting and the fsynced commit included), then the latency of the
 * dashboard's queries once the database holds {@code total} patterns.
 */
public final class StoreBenchmark {
    public record Result(double recordsPerSecond, long patterns, Map<String, double[]> queryMillis) {
    }

    private static final List<String> RULES = List.of("high_pay", "free_ticket", "kk_park", "typist", "contract_on_arrival",
            "tourist_visa", "passport_kept", "penalty", "telegram_only", "urgency", "legit_company", "pig_butchering");

    private StoreBenchmark() {
    }

    public static Result run(StoreLocation location, int total, int writers, Duration writePhase, PrintWriter out)
            throws InterruptedException {
        Clock clock = Clock.systemUTC();
        Normalizer normalizer = new Normalizer();
        Redactor redactor = new Redactor();
        try (PatternStore store = new PatternStore(location, clock)) {
            out.printf(Locale.ROOT, "store: %s%n", store.where());
            ConfirmedPatternIndex index = new ConfirmedPatternIndex(store, new Fingerprinter(normalizer, redactor));
            Supplier<RuleSet> noRules = () -> new RuleSet(List.of(), null, Map.of());
            PatternService service = new PatternService(store, redactor, new IndicatorHasher("benchmark-secret-0123456789"),
                    normalizer, index, clock, noRules, t -> { }, PatternService.DEFAULT_FORGET_WINDOW);
            List<PlantedIdentifiers.Message> messages = PlantedIdentifiers.generate(1L, 2000);
            Verdict verdict = verdict();

            out.printf(Locale.ROOT, "writing through PatternService with %d threads for %d s ...%n", writers, writePhase.toSeconds());
            out.flush();
            AtomicLong recorded = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            long start = System.nanoTime();
            long deadline = start + writePhase.toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int id = w;
                Thread t = new Thread(() -> {
                    int i = id;
                    while (System.nanoTime() < deadline) {
                        String text = messages.get(i++ % messages.size()).text();
                        if (service.record(verdict, text, Source.BOT, false).status() == PatternService.Recorded.Status.STORED) {
                            recorded.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                });
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = recorded.get() / seconds;
            out.printf(Locale.ROOT, "recorded %d patterns in %.1f s: %.0f patterns/s (%d failed)%n", recorded.get(), seconds, rate, failed.get());

            long seedStart = System.nanoTime();
            seed(store, fingerprints(messages, new Fingerprinter(normalizer, redactor), redactor), total - (int) store.dashboard().patternCount(), clock);
            out.printf(Locale.ROOT, "seeded to %d patterns in %.1f s%n", store.dashboard().patternCount(), (System.nanoTime() - seedStart) / 1e9);

            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            LocalDate from = today.minusDays(30);
            Map<String, Runnable> queries = new java.util.LinkedHashMap<>();
            queries.put("queue (pending, 50)", () -> store.dashboard().groups(GroupStatus.PENDING, 50, 0));
            queries.put("queue page 10", () -> store.dashboard().groups(GroupStatus.PENDING, 50, 500));
            queries.put("group detail texts", () -> store.dashboard().groupTexts(1, 20));
            queries.put("open reports (50)", () -> store.dashboard().reports(true, 50));
            queries.put("rule stats 30 days", () -> store.statistics().ruleStats(from, today));
            queries.put("reports per day", () -> store.statistics().reportsPerDay(from, today));
            queries.put("reports per category", () -> store.statistics().reportsPerCategory(from, today));
            queries.put("patterns per day", () -> store.statistics().patternsPerDay(from, today));
            queries.put("checks per day", () -> store.statistics().checksPerDay(from, today));
            Map<String, double[]> latency = new java.util.LinkedHashMap<>();
            out.printf(Locale.ROOT, "dashboard queries at %d patterns (ms, 20 runs):%n", store.dashboard().patternCount());
            for (Map.Entry<String, Runnable> q : queries.entrySet()) {
                q.getValue().run();
                double[] ms = new double[20];
                for (int i = 0; i < ms.length; i++) {
                    long t = System.nanoTime();
                    q.getValue().run();
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(ms);
                latency.put(q.getKey(), new double[] {ms[ms.length / 2], ms[(int) (ms.length * 0.95)]});
                out.printf(Locale.ROOT, "  %-22s median %7.2f  p95 %7.2f%n", q.getKey(), ms[ms.length / 2], ms[(int) (ms.length * 0.95)]);
            }
            out.flush();
            return new Result(rate, store.dashboard().patternCount(), latency);
        }
    }

    private record Base(String text, long bits, int shingles) {
    }

    private static List<Base> fingerprints(List<PlantedIdentifiers.Message> messages, Fingerprinter f, Redactor redactor) {
        List<Base> out = new ArrayList<>();
        for (int i = 0; i < 300 && i < messages.size(); i++) {
            String text = messages.get(i).text();
            SimHash.Fingerprint fp = f.ofOriginal(text);
            out.add(new Base(redactor.redactText(text), fp.bits(), fp.shingles()));
        }
        return out;
    }

    /** Synthetic rows shaped like real ones: groups of near-duplicates over 180 days, shared contacts, 1% reports. */
    private static void seed(PatternStore store, List<Base> bases, int count, Clock clock) {
        Random random = new Random(42);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<PatternStore.NewPattern> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Base b = bases.get(random.nextInt(bases.size()));
            long bits = b.bits() ^ (1L << random.nextInt(64)) ^ (random.nextInt(4) == 0 ? random.nextLong() : 0);
            List<PatternStore.FiredRule> rules = new ArrayList<>();
            for (int r = 0; r < 3 + random.nextInt(3); r++) {
                String id = RULES.get(random.nextInt(RULES.size()));
                if (rules.stream().noneMatch(x -> x.ruleId().equals(id))) {
                    rules.add(new PatternStore.FiredRule(id, Category.values()[Math.floorMod(id.hashCode(), Category.values().length)].id(), false));
                }
            }
            // 20,000 distinct contacts, so many patterns share one as in real reports
            String contact = String.format(Locale.ROOT, "%016x", (random.nextInt(20_000) + 1) * 0x9E3779B97F4A7C15L).repeat(4);
            LocalDate day = today.minusDays(random.nextInt(180));
            batch.add(new PatternStore.NewPattern(random.nextInt(100) == 0 ? "report" : "flagged", b.text(), Risk.HIGH, "zh-Hans",
                    day, random.nextBoolean(), random.nextBoolean() ? Source.BOT : Source.WEB, bits, b.shingles(), rules,
                    List.of(new PatternStore.HashedIndicator("HANDLE", contact))));
            if (batch.size() == 2000) {
                store.writes().insertAll(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            store.writes().insertAll(batch);
        }
        for (int i = 0; i < count / 100; i++) {
            store.writes().reportWithoutPattern(FeedbackKind.FALSE_POSITIVE, Source.BOT, today.minusDays(random.nextInt(30)), Risk.MEDIUM, "en",
                    List.of(new PatternStore.FiredRule(RULES.get(random.nextInt(RULES.size())), "vague_job", false)));
        }
    }

    private static Verdict verdict() {
        List<RedFlag> flags = List.of(
                new RedFlag("kk_park", Category.RISKY_DESTINATION, Severity.WEAK, "园区", 0, 2, "flag.risky_destination"),
                new RedFlag("free_ticket", Category.ALL_EXPENSES_PAID, Severity.WEAK, "包机票", 3, 6, "flag.all_expenses_paid"),
                new RedFlag("passport_kept", Category.DOCUMENT_CONTROL, Severity.STRONG, "护照", 7, 9, "flag.document_control"));
        return new Verdict(Risk.HIGH, 95, 0.95, Language.ZH_HANS, Verdict.Kind.MESSAGE, flags, List.of(), List.of(), List.of(),
                null, List.of(), List.of());
    }
}
