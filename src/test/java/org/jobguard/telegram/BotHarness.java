package org.jobguard.telegram;

import org.jobguard.checker.ConfirmedPatterns;
import org.jobguard.checker.Language;
import org.jobguard.checker.RedFlagChecker;
import org.jobguard.checker.Risk;
import org.jobguard.checker.Verdict;
import org.jobguard.config.ConfigFiles;
import org.jobguard.config.ContactsLoader;
import org.jobguard.contacts.HelpDirectory;
import org.jobguard.config.RulesLoader;
import org.jobguard.i18n.Messages;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** A fake Bot API plus a real bot (real checker, real messages) talking to it over HTTP. */
final class BotHarness implements AutoCloseable {
    static final byte[] SECRET = "test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final Messages MESSAGES = Messages.load(Path.of("messages"));
    static final RedFlagChecker CHECKER = org.jobguard.checker.TestModels.shippedChecker();
    static final HelpDirectory CONTACTS = new ContactsLoader(Clock.systemUTC()).load(ConfigFiles.locate(Map.of()));

    /** What the bot handed to the pattern store, and when. */
    record Recorded(Risk risk, boolean forwarded, String sender, long nanos) {
    }

    record Report(Optional<Long> recordId, List<String> ruleIds, Risk risk) {
    }

    final FakeBotApi api;
    final List<Recorded> recorded = new CopyOnWriteArrayList<>();

    /** An album's pattern replaced by its whole text's. */
    record Replaced(Optional<Long> earlierId, Risk risk, String text) {
    }

    final List<Replaced> replaced = new CopyOnWriteArrayList<>();
    final List<Report> reports = new CopyOnWriteArrayList<>();
    final List<String> forgotten = new CopyOnWriteArrayList<>();
    final BotSettings settings;
    private final TextChecker checker;
    private final Clock clock;
    private final org.jobguard.picture.PictureReader pictures;
    private TelegramBot bot;
    /** Records to fail (as a store that cannot write) before they succeed again. */
    final java.util.concurrent.atomic.AtomicInteger failingRecords = new java.util.concurrent.atomic.AtomicInteger();

    BotHarness(UnaryOperator<BotSettings> tune, TextChecker checker) throws Exception {
        this(tune, checker, Clock.systemUTC());
    }

    BotHarness(UnaryOperator<BotSettings> tune, TextChecker checker, Clock clock) throws Exception {
        this(tune, checker, clock, org.jobguard.picture.PictureReader.off());
    }

    /** A bot that reads pictures with {@code pictures}. */
    BotHarness(UnaryOperator<BotSettings> tune, TextChecker checker, Clock clock,
               org.jobguard.picture.PictureReader pictures) throws Exception {
        this.pictures = pictures;
        this.clock = clock;
        this.api = FakeBotApi.start();
        this.settings = tune.apply(BotSettings.defaults(FakeBotApi.TOKEN, api.url(), SECRET).withPolling(5, 4));
        this.checker = checker;
        startBot();
    }

    BotHarness() throws Exception {
        this(s -> s, CHECKER::check);
    }

    /** What the store says of a message's contacts: seen in reports moderators confirmed, or not. */
    volatile Optional<org.jobguard.patterns.ConfirmedContact> knownContact = Optional.empty();

    /** While closed, {@code record} waits: a store that has not committed yet. */
    volatile java.util.concurrent.CountDownLatch storeOpen = new java.util.concurrent.CountDownLatch(0);

    final PatternSink sink = new PatternSink() {
        @Override
        public Optional<Long> record(Verdict verdict, String text, boolean forwarded, String sender) {
            try {
                storeOpen.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failingRecords.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("the store cannot write");
            }
            recorded.add(new Recorded(verdict.risk(), forwarded, sender, System.nanoTime()));
            return verdict.flagged() ? Optional.of((long) recorded.size()) : Optional.empty();
        }

        @Override
        public Optional<Long> replace(Optional<Long> earlierId, Verdict verdict, String text, boolean forwarded,
                                      String sender) {
            replaced.add(new Replaced(earlierId, verdict.risk(), text));
            return verdict.flagged() ? Optional.of(1000L + replaced.size()) : Optional.empty();
        }

        @Override
        public Optional<org.jobguard.patterns.ConfirmedContact> confirmedContact(String text) {
            return knownContact;
        }

        @Override
        public int forget(String sender) {
            forgotten.add(sender);
            return (int) recorded.stream().filter(r -> r.sender().equals(sender)).count();
        }

        @Override
        public Duration forgetWindow() {
            return Duration.ofHours(24);
        }

        @Override
        public void reportWrong(Optional<Long> recordId, List<String> ruleIds, Risk risk, Language language) {
            reports.add(new Report(recordId, ruleIds, risk));
        }
    };

    void startBot() {
        bot = new TelegramBot(settings, checker, sink, MESSAGES, CONTACTS, clock, error -> { }, pictures);
        bot.start();
    }

    void stopBot() {
        bot.stop();
    }

    TelegramBot bot() {
        return bot;
    }

    /** Pushes an update and returns the first reply sent after it (to any chat). */
    FakeBotApi.Call reply(com.fasterxml.jackson.databind.node.ObjectNode update) throws InterruptedException {
        int before = api.calls("sendMessage").size();
        api.push(update);
        return api.await(c -> c.method().equals("sendMessage"), before + 1, Duration.ofSeconds(10)).get(before);
    }

    /** The {@code index}-th record handed to the sink, waiting for it: records are made after the reply. */
    Recorded recorded(int index) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (recorded.size() <= index && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return recorded.get(index);
    }

    @Override
    public void close() {
        bot.stop();
        api.close();
    }
}
