package org.jobguard;

import org.jobguard.checker.Normalizer;
import org.jobguard.checker.RedFlagChecker;
import org.jobguard.checker.RuleSet;
import org.jobguard.config.Config;
import org.jobguard.config.ContactsLoader;
import org.jobguard.config.RulesLoader;
import org.jobguard.contacts.HelpDirectory;
import org.jobguard.i18n.Messages;
import org.jobguard.patterns.ConfirmedPatternIndex;
import org.jobguard.patterns.Fingerprinter;
import org.jobguard.patterns.PatternService;
import org.jobguard.patterns.PatternStore;
import org.jobguard.patterns.RetentionJob;
import org.jobguard.privacy.IndicatorHasher;
import org.jobguard.privacy.Redactor;
import org.jobguard.telegram.BotSettings;
import org.jobguard.telegram.TelegramBot;
import org.jobguard.telegram.WebhookReceiver;
import org.jobguard.telegram.WebhookSettings;
import org.jobguard.web.InboundPost;
import org.jobguard.web.ServiceMetrics;
import org.jobguard.web.WebServer;
import org.jobguard.web.WebSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one place that builds every part from one {@link Config}: checker, help directory, pattern store,
 * web server and, when a token is set, the Telegram bot. Without a token it is local mode: web only. In webhook
 * mode the web server also takes Telegram's posts and hands them to the bot: the two packages know nothing of
 * each other, this class joins them.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final RedFlagChecker checker;
    private final HelpDirectory contacts;
    private final PatternStore store;
    private final PatternService patterns;
    private final RetentionJob retention;
    private final WebServer web;
    private final Optional<TelegramBot> bot;

    private App(Config config, Clock clock) {
        RuleSet rules = RulesLoader.load(config.files().yaml("rules.yaml"));
        Messages messages = config.files().messages();
        this.contacts = new ContactsLoader(clock).load(config.files());
        Normalizer normalizer = new Normalizer();
        Redactor redactor = new Redactor();
        this.store = new PatternStore(config.database(), clock);
        ConfirmedPatternIndex index = new ConfirmedPatternIndex(store, new Fingerprinter(normalizer, redactor));
        this.checker = new RedFlagChecker(rules, normalizer, index);
        this.patterns = new PatternService(store, redactor, new IndicatorHasher(config.hmacSecret()), normalizer, index,
                clock, checker::rules, toggle -> checker.reconfigure(applyToggles(rules)), PatternService.DEFAULT_FORGET_WINDOW);
        checker.reconfigure(patterns.applyRuleStates(rules));
        this.retention = new RetentionJob(patterns, config.retentionDays());
        this.bot = config.telegramToken().map(token -> new TelegramBot(botSettings(config, token), checker::check,
                new StoredPatterns(patterns, PatternService.DEFAULT_FORGET_WINDOW), messages, contacts));
        java.util.Map<String, String> webEnv = new java.util.HashMap<>(config.env());
        webEnv.put("JOBGUARD_PORT", Integer.toString(config.port()));
        this.web = new WebServer(WebSettings.fromEnvironment(webEnv, config.dataDir())
                .withMaxCheckedChars(config.maxCheckedChars()),
                messages, checker, patterns, contacts, new ServiceMetrics(), clock,
                bot.flatMap(TelegramBot::webhook).map(App::webhookEndpoint));
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

    private RuleSet applyToggles(RuleSet rules) {
        return patterns.applyRuleStates(rules);
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

    /** Builds and starts everything; on failure stops what already started and rethrows. */
    public static App start(Config config, Clock clock) {
        App app = new App(config, clock);
        Mode mode = Mode.of(config);
        try {
            app.web.start();
            app.retention.start(24);
            app.bot.ifPresent(TelegramBot::start);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        log.info("JobGuard started in {} mode", mode);
        return app;
    }

    /** What to print once started: the address and, on a first local start, the dashboard login. */
    public List<String> banner() {
        return web.banner();
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
        web.stop();
        retention.close();
        store.close();
    }
}
