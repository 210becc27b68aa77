package org.jobguard;

import org.jobguard.checker.ConfirmedPatterns;
import org.jobguard.checker.Normalizer;
import org.jobguard.checker.PatternMatch;
import org.jobguard.checker.RedFlagChecker;
import org.jobguard.checker.RuleSet;
import org.jobguard.config.Config;
import org.jobguard.config.ConfigFiles;
import org.jobguard.config.ContactsLoader;
import org.jobguard.config.PlacesLoader;
import org.jobguard.config.RiskModelFile;
import org.jobguard.config.RulesLoader;
import org.jobguard.contacts.HelpDirectory;
import org.jobguard.i18n.Messages;
import org.jobguard.patterns.ConfirmedPatternIndex;
import org.jobguard.patterns.Fingerprinter;
import org.jobguard.patterns.ModerationFollower;
import org.jobguard.patterns.PatternService;
import org.jobguard.patterns.PatternStore;
import org.jobguard.patterns.RetentionJob;
import org.jobguard.picture.PictureReader;
import org.jobguard.privacy.IndicatorHasher;
import org.jobguard.privacy.Redactor;
import org.jobguard.telegram.BotIdentity;
import org.jobguard.telegram.BotSettings;
import org.jobguard.telegram.SharedBotState;
import org.jobguard.telegram.TelegramBot;
import org.jobguard.telegram.WebhookReceiver;
import org.jobguard.telegram.WebhookSettings;
import org.jobguard.web.InboundPost;
import org.jobguard.web.ServiceMetrics;
import org.jobguard.web.WebServer;
import org.jobguard.web.WebSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one place that builds every part from one {@link Config}: checker, help directory, pattern store,
 * web server and, when a token is set, the Telegram bot. Without a token it is local mode: web only. In webhook
 * mode the web server also takes Telegram's posts and hands them to the bot: the two packages know nothing of
 * each other, this class joins them.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    /** Exit code after a part the service needs died of an Error (EX_SOFTWARE): restart a clean process. */
    public static final int EXIT_PART_DIED = 70;
    private static final Duration FATAL_EXIT_GRACE = Duration.ofSeconds(20);

    private final RedFlagChecker checker;
    private final RuleSet configuredRules;
    private final HelpDirectory contacts;
    private final PatternStore store;
    private final PatternService patterns;
    private final RetentionJob retention;
    private final ModerationFollower moderation;
    private final WebServer web;
    private final PictureReader pictures;
    private final Optional<TelegramBot> bot;
    /** present on a PostgreSQL store, which several instances may share */
    private final Optional<SharedBotStateInStore> shared;
    private final Mode mode;
    /** Fetched while the service loads; the bot starts with it. */
    private final Optional<Future<BotIdentity>> botIdentity;

    private App(Config config, Clock clock, PatternStore store, CheckerLoad loaded, HelpDirectory contacts,
                Optional<Future<BotIdentity>> identity, PictureReader pictures) {
        this.botIdentity = identity;
        this.pictures = pictures;
        this.mode = Mode.of(config);
        Messages messages = config.files().messages();
        this.contacts = contacts;
        this.checker = loaded.checker();
        Normalizer normalizer = checker.normalizer();
        Redactor redactor = new Redactor();
        this.store = store;
        ConfirmedPatternIndex index = new ConfirmedPatternIndex(store, new Fingerprinter(normalizer, redactor));
        loaded.confirmed().attach(index);
        this.configuredRules = loaded.rules();
        this.patterns = new PatternService(store, redactor, new IndicatorHasher(config.hmacSecret()), normalizer, index,
                clock, checker::rules, toggle -> applyRuleStates(), PatternService.DEFAULT_FORGET_WINDOW);
        // the checker was built from rules.yaml alone; rules a moderator switched on or off need a second build
        RuleSet stored = patterns.applyRuleStates(configuredRules);
        if (stored != configuredRules) {
            checker.reconfigure(stored);
        }
        this.retention = new RetentionJob(patterns, config.retentionDays(),
                store.shared() ? () -> store.botState().purge(BotSettings.REMEMBER_FOR) : () -> { });
        this.moderation = new ModerationFollower(store, this::applyRuleStates, patterns.confirmedPatterns()::reload);
        // instances sharing one store must agree on handled updates, users' choices and reply links
        this.shared = store.chatLocks().map(locks -> new SharedBotStateInStore(store.botState(), locks));
        this.bot = config.telegramToken().map(token -> new TelegramBot(botSettings(config, token), checker::check,
                new StoredPatterns(patterns, PatternService.DEFAULT_FORGET_WINDOW), messages, contacts, clock,
                error -> exitAfterFatalError("a part of the Telegram bot"), pictures, shared.map(s -> (SharedBotState) s)));
        ServiceMetrics metrics = new ServiceMetrics();
        bot.ifPresent(b -> metrics.countFrom("jobguard_bot_events_total",
                "Bot updates that failed (handled again), were skipped after repeated failures, and failed polls.",
                b.counters()::events));
        Map<String, String> webEnv = new HashMap<>(config.env());
        webEnv.put("JOBGUARD_PORT", Integer.toString(config.port()));
        this.web = new WebServer(WebSettings.fromEnvironment(webEnv, config.dataDir())
                .withMaxCheckedChars(config.maxCheckedChars()).withSigningSecret(config.hmacSecret()),
                messages, checker, patterns, contacts, metrics, clock,
                bot.flatMap(TelegramBot::webhook).map(App::webhookEndpoint),
                () -> bot.flatMap(b -> b.counters().problem()), pictures);
    }

    /** The rules as configured and the checker built from them, before the pattern store is open. */
    private record CheckerLoad(RuleSet rules, RedFlagChecker checker, ConfirmedPatternsLink confirmed) {
        static CheckerLoad from(ConfigFiles files) {
            RuleSet rules = RulesLoader.load(files.yaml("rules.yaml"));
            ConfirmedPatternsLink confirmed = new ConfirmedPatternsLink();
            Normalizer normalizer = new Normalizer();
            return new CheckerLoad(rules, new RedFlagChecker(rules, normalizer, RiskModelFile.load(files),
                    PlacesLoader.load(files, normalizer), confirmed), confirmed);
        }
    }

    /**
     * The confirmed patterns live in the store, which opens in parallel with the checker's build; until it is
     * attached there are none (no message is checked before start-up ends).
     */
    private static final class ConfirmedPatternsLink implements ConfirmedPatterns {
        private volatile ConfirmedPatterns target = ConfirmedPatterns.none();

        void attach(ConfirmedPatterns index) {
            target = index;
        }

        @Override
        public Optional<PatternMatch> nearest(String normalizedText) {
            return target.nearest(normalizedText);
        }
    }

    /**
     * The rules with the checker's automaton, the help contacts and the pattern store are loaded in parallel:
     * each spends most of its time loading classes and parsing on a JVM that has compiled nothing yet, and
     * start-up costs what the slowest of them does instead of their sum.
     */
    private static App build(Config config, Clock clock, ExecutorService loaders, Future<CheckerLoad> checker) {
        Future<PatternStore> store = loaders.submit(() -> new PatternStore(config.store(), clock, 0,
                error -> exitAfterFatalError("the pattern store's writer")));
        try {
            Future<HelpDirectory> contacts = loaders.submit(() -> new ContactsLoader(clock).load(config.files()));
            // looking for Tesseract runs it once (tens of milliseconds): meanwhile
            Future<PictureReader> pictures = loaders.submit(() -> PictureReader.start(config.pictures()));
            // getMe meanwhile: it waits on the network and loads the HTTP client's classes
            Optional<Future<BotIdentity>> identity = config.telegramToken()
                    .map(token -> loaders.submit(() -> TelegramBot.identify(botSettings(config, token))));
            PictureReader reader = result(pictures);
            // one line, said once, with what to install: the service runs on and asks for pasted text instead
            reader.unavailableLine().ifPresent(log::warn);
            return new App(config, clock, result(store), result(checker), result(contacts), identity, reader);
        } catch (RuntimeException | Error e) {
            // the service will not start: a getMe still retrying against Telegram has nothing left to wait for
            loaders.shutdownNow();
            if (store.isDone() && !store.isCancelled()) {
                try {
                    result(store).close();
                } catch (RuntimeException ignored) {
                    // the store failed to open: nothing to close
                }
            }
            throw e;
        } finally {
            loaders.shutdown();
        }
    }

    /**
     * Ends the process with {@link #EXIT_PART_DIED} when a part the service cannot work without died of an Error
     * (out of memory, a stack overflow; the part has logged it). Running on would answer messages and keep
     * none while looking alive; a supervisor (systemd {@code Restart=on-failure}, Docker's restart policy)
     * starts a clean process instead. The shutdown hook still finishes what is in flight; if it hangs, the
     * process is halted after {@link #FATAL_EXIT_GRACE}.
     */
    public static void exitAfterFatalError(String part) {
        log.error("{} died: stopping the service (exit code {}) so that a clean process can be started", part, EXIT_PART_DIED);
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(FATAL_EXIT_GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(EXIT_PART_DIED);
        }, "jobguard-fatal-halt");
        halt.setDaemon(true);
        halt.start();
        // not on the dying thread: exit waits for the shutdown hook, which waits for that thread to end
        new Thread(() -> System.exit(EXIT_PART_DIED), "jobguard-fatal-exit").start();
    }

    private static ExecutorService loaderPool() {
        return Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "start-up");
            t.setDaemon(true);
            return t;
        });
    }

    /** The value of a start-up task, or the exception it threw (a ConfigException keeps its file and line). */
    private static <T> T result(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during start-up", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static InboundPost webhookEndpoint(WebhookReceiver receiver) {
        return new InboundPost(receiver.path(), WebhookReceiver.SECRET_HEADER, WebhookReceiver.MAX_BODY_BYTES,
                receiver::authentic, receiver::receive);
    }

    /** How the service runs, for logs and the start-up line. */
    public enum Mode {
        /** no bot token: web only */
        LOCAL,
        /** the bot fetches updates with getUpdates */
        POLLING,
        /** Telegram posts updates to the web server */
        WEBHOOK;

        public static Mode of(Config config) {
            return config.localMode() ? LOCAL : config.webhook().isPresent() ? WEBHOOK : POLLING;
        }

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A moderator toggled a rule: rebuild the checker from rules.yaml with every stored toggle applied. */
    private void applyRuleStates() {
        checker.reconfigure(patterns.applyRuleStates(configuredRules));
    }

    private static BotSettings botSettings(Config config, String token) {
        BotSettings settings = BotSettings.defaults(token, config.telegramApiUrl(),
                        config.hmacSecret().getBytes(StandardCharsets.UTF_8))
                .withPolling(config.pollTimeoutSeconds(), config.botWorkers())
                .withRateLimit(config.messagesPerMinute())
                .withDiscreetDeleteAfter(Duration.ofMinutes(config.discreetDeleteAfterMinutes()));
        return config.webhook().map(hook -> settings.withWebhook(new WebhookSettings(hook.url(), hook.secretToken())))
                .orElse(settings);
    }

    /**
     * Builds and starts everything from the environment; on failure stops what already started and rethrows.
     * The rules and their automaton, the longest part of start-up, load while the configuration is read.
     */
    public static App start(Map<String, String> env, Clock clock) {
        long begin = System.nanoTime();
        ExecutorService loaders = loaderPool();
        Future<CheckerLoad> checker = loaders.submit(() -> CheckerLoad.from(ConfigFiles.locate(env)));
        Config config;
        try {
            config = Config.load(env);
        } catch (RuntimeException e) {
            loaders.shutdownNow();
            throw e;
        }
        return start(config, clock, loaders, checker, begin);
    }

    /** Builds and starts everything; on failure stops what already started and rethrows. */
    public static App start(Config config, Clock clock) {
        ExecutorService loaders = loaderPool();
        return start(config, clock, loaders, loaders.submit(() -> CheckerLoad.from(config.files())), System.nanoTime());
    }

    private static App start(Config config, Clock clock, ExecutorService loaders, Future<CheckerLoad> checker,
                             long begin) {
        App app = build(config, clock, loaders, checker);
        long built = System.nanoTime();
        Mode mode = app.mode;
        try {
            // the bot's handshake with Telegram waits on the network while the web server starts
            CompletableFuture<Void> handshake = app.bot.map(bot ->
                    CompletableFuture.runAsync(() -> bot.start(result(app.botIdentity.get()))))
                    .orElse(CompletableFuture.completedFuture(null));
            try {
                app.web.start();
            } finally {
                try {
                    handshake.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
            app.retention.start(24);
            app.moderation.start(ModerationFollower.EVERY);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        // the JVM's own start time: the process's, from /proc, counts from a boot time rounded to the second, and
        // from the shell when "mvn ... && java ..." runs java in the shell's process. Read once everything runs.
        long jvmMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        log.info("JobGuard started in {} mode in {} ms since the JVM started (configuration and loading {} ms, web and"
                        + " bot start {} ms)",
                mode, jvmMillis, (built - begin) / 1_000_000, (System.nanoTime() - built) / 1_000_000);
        return app;
    }

    /** What to print once started: the address and, on a first local start, the dashboard login. */
    public List<String> banner() {
        return web.banner();
    }

    public Mode mode() {
        return mode;
    }

    public int port() {
        return web.port();
    }

    public RedFlagChecker checker() {
        return checker;
    }

    /** The bot stops first: in webhook mode posts arriving meanwhile get 503 from the still running web server. */
    @Override
    public void close() {
        bot.ifPresent(TelegramBot::stop);
        shared.ifPresent(SharedBotStateInStore::close);
        web.stop();
        pictures.close();
        retention.close();
        moderation.close();
        store.close();
    }
}
