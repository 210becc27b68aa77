package org.jobguard.telegram;

import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.jobguard.i18n.Messages;
import org.jobguard.checker.Language;
import org.jobguard.contacts.HelpDirectory;
import org.jobguard.picture.PictureReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Telegram bot: {@link #start()} registers the commands and starts long polling or, with
 * {@link BotSettings#webhook()} set, registers the webhook and opens the {@link WebhookReceiver} that the web
 * server feeds. {@link #stop()} stops taking updates, lets in-flight replies finish, acknowledges exactly what was
 * handled and runs pending discreet-mode deletions.
 */
public final class TelegramBot {
    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
    private static final List<String> COMMANDS =
            List.of("start", "help", "lang", "privacy", "forget", "contacts", "discreet");

    private final BotSettings settings;
    private final Messages messages;
    private final OkHttpClient pollHttp;
    private final OkHttpClient sendHttp;
    private final BotApi api;
    private final UpdateRouter router;
    private final DeletionSchedule deletions;
    private final Optional<UpdatePoller> poller;
    private final Optional<WebhookReceiver> receiver;
    private final BotCounters counters;

    /** A bot whose dying parts are only logged: for tests. */
    public TelegramBot(BotSettings settings, TextChecker checker, PatternSink patterns, Messages messages,
                       HelpDirectory contacts) {
        this(settings, checker, patterns, messages, contacts, Clock.systemUTC(), error -> { }, PictureReader.off());
    }

    /**
     * @param onFatal told when an Error ended a part the bot cannot work without (the poller, a worker, an HTTP
     *                client thread), once it is logged; the service exits so that a clean process starts
     * @param pictures reads the text of photos and picture files; when it is not {@link PictureReader#available()
     *                 available}, a picture gets "paste the text" and only its caption is checked
     */
    public TelegramBot(BotSettings settings, TextChecker checker, PatternSink patterns, Messages messages,
                       HelpDirectory contacts, Clock clock, Consumer<Error> onFatal, PictureReader pictures) {
        this(settings, checker, patterns, messages, contacts, clock, onFatal, pictures, Optional.empty());
    }

    /**
     * @param shared present when several instances share one store behind one webhook: handled updates, users'
     *               choices and reply links are kept there instead of in this process's memory
     */
    public TelegramBot(BotSettings settings, TextChecker checker, PatternSink patterns, Messages messages,
                       HelpDirectory contacts, Clock clock, Consumer<Error> onFatal, PictureReader pictures,
                       Optional<SharedBotState> shared) {
        this.settings = settings;
        this.messages = messages;
        this.counters = new BotCounters(clock);
        ConnectionPool connections = new ConnectionPool();
        // OkHttpTelegramClient.execute runs on the dispatcher; its default of 5 calls per host would make
        // workers queue behind each other
        Dispatcher sendDispatcher = new Dispatcher(supervisedThreads("telegram-http", onFatal));
        sendDispatcher.setMaxRequestsPerHost(settings.workers() + 4);
        sendDispatcher.setMaxRequests(settings.workers() + 4);
        this.sendHttp = new OkHttpClient.Builder().connectionPool(connections).dispatcher(sendDispatcher)
                .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(20))
                .writeTimeout(Duration.ofSeconds(20)).build();
        // own dispatcher, so stop() can cancel a pending long poll without cancelling replies
        this.pollHttp = sendHttp.newBuilder().dispatcher(new Dispatcher(supervisedThreads("telegram-poll-http", onFatal)))
                .readTimeout(Duration.ofSeconds(settings.pollTimeoutSeconds() + 15L)).build();
        TelegramUrl url = url(settings);
        this.api = new BotApi(new OkHttpTelegramClient(sendHttp, settings.token(), url),
                6, Duration.ofMillis(200), Duration.ofSeconds(30));
        BotApi pollApi = new BotApi(new OkHttpTelegramClient(pollHttp, settings.token(), url),
                Integer.MAX_VALUE, Duration.ofMillis(500), Duration.ofSeconds(30));
        this.deletions = new DeletionSchedule(api);
        this.router = new UpdateRouter(api, checker, patterns, messages, settings, deletions,
                new ContactsFlow(contacts, messages), pictures,
                new PictureDownload(api, sendHttp, settings.apiUrl(), settings.token()), shared);
        AtomicInteger threadNo = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> new Thread(r, "telegram-worker-" + threadNo.incrementAndGet()));
        this.receiver = settings.webhook().map(hook -> new WebhookReceiver(hook, router, pool, counters, onFatal,
                shared));
        this.poller = receiver.isPresent() ? Optional.empty() : Optional.of(new UpdatePoller(pollApi, api,
                () -> pollHttp.dispatcher().cancelAll(), settings.pollTimeoutSeconds(), router, pool, counters, onFatal));
    }

    /**
     * OkHttp's own dispatcher pool (threads made on demand, idle ones gone after a minute), with threads whose
     * death by an Error is logged and reported: one that died silently once stopped polling for good.
     */
    private static java.util.concurrent.ExecutorService supervisedThreads(String name, Consumer<Error> onFatal) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new java.util.concurrent.SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(false);
            t.setUncaughtExceptionHandler((thread, e) -> {
                if (e instanceof Error error) {
                    log.error("A Telegram HTTP client thread died: {}", e.getClass().getName());
                    onFatal.accept(error);
                }
            });
            return t;
        });
    }

    /** Failed and skipped updates and the state of polling, for /metrics and /health. */
    public BotCounters counters() {
        return counters;
    }

    /** In webhook mode, what the web server hands Telegram's posts to; empty when polling. */
    public Optional<WebhookReceiver> webhook() {
        return receiver;
    }

    /**
     * Identifies the bot; when polling, drops any webhook (Telegram refuses getUpdates while one is set), in
     * webhook mode registers it; registers the command menu in English and Chinese, then starts polling or opens
     * the webhook.
     *
     * @throws IllegalStateException when Telegram cannot be reached or refuses the token
     */
    public void start() {
        start(identify(settings));
    }

    /** {@link #start()} with the identity already fetched (by {@link #identify} while the service loaded). */
    public void start(BotIdentity me) {
        router.identify(me);
        try {
            if (settings.webhook().isPresent()) {
                registerWebhook(settings.webhook().get());
            } else {
                api.call(DeleteWebhook.builder().dropPendingUpdates(false).build());
            }
        } catch (BotApi.CallFailed e) {
            throw unreachable(settings, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Telegram bot");
        }
        if (receiver.isPresent()) {
            receiver.get().open();
            log.info("Telegram bot in webhook mode: updates posted to {}", settings.webhook().get().url());
        } else {
            poller.get().start();
            log.info("Telegram bot in long-polling mode: polling {}", settings.apiUrl().getHost());
        }
        // the command menu is a convenience: users are answered while it is being registered
        Thread menu = new Thread(this::registerCommandMenu, "telegram-command-menu");
        menu.setDaemon(true);
        menu.start();
    }

    /**
     * Asks Telegram who the bot is. {@code App} runs this while the rules and the store load, so the network wait
     * and the loading of the HTTP client's and the Bot API's classes are off the start-up path.
     *
     * @throws IllegalStateException when Telegram cannot be reached or refuses the token
     */
    public static BotIdentity identify(BotSettings settings) {
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(20)).build();
        try {
            User me = new BotApi(new OkHttpTelegramClient(http, settings.token(), url(settings)),
                    6, Duration.ofMillis(200), Duration.ofSeconds(30)).call(new GetMe());
            return new BotIdentity(me.getId(), me.getUserName() == null ? "" : me.getUserName());
        } catch (BotApi.CallFailed e) {
            throw unreachable(settings, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Telegram bot");
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private static IllegalStateException unreachable(BotSettings settings, BotApi.CallFailed e) {
        return new IllegalStateException(e.code() == 0
                ? "cannot reach the Telegram Bot API at " + settings.apiUrl() + ": check TELEGRAM_API_URL and the network"
                : "the Telegram Bot API refused the bot (error " + e.code() + "): check TELEGRAM_BOT_TOKEN");
    }

    private static TelegramUrl url(BotSettings settings) {
        return TelegramUrl.builder().schema(settings.apiUrl().getScheme())
                .host(settings.apiUrl().getHost()).port(port(settings)).testServer(false).build();
    }

    private void registerCommandMenu() {
        try {
            registerCommands(Language.EN, null);
            registerCommands(Language.ZH_HANS, "zh");
        } catch (BotApi.CallFailed e) {
            log.warn("The command menu could not be registered (error {}); commands still work when typed", e.code());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Telegram checks the URL when it is set (it must resolve and present a valid certificate), so a refusal here
     * is about the URL, not the token, which getMe has just accepted.
     */
    private void registerWebhook(WebhookSettings hook) throws BotApi.CallFailed, InterruptedException {
        try {
            // max_connections: every connection holds a web server thread while its update is handled; this is
            // Telegram's default, stated so the bound is visible here
            api.call(SetWebhook.builder().url(hook.url().toString()).secretToken(hook.secretToken())
                    .allowedUpdates(UpdatePoller.ALLOWED).dropPendingUpdates(false).maxConnections(40).build());
        } catch (BotApi.CallFailed e) {
            if (e.code() == 0) {
                throw e;
            }
            throw new IllegalStateException("Telegram refused the webhook " + hook.url() + " (error " + e.code()
                    + "): check JOBGUARD_WEBHOOK_URL, which must be reachable from the internet over HTTPS with a"
                    + " valid certificate");
        }
    }

    private void registerCommands(Language lang, String languageCode) throws BotApi.CallFailed, InterruptedException {
        SetMyCommands.SetMyCommandsBuilder<?, ?> b = SetMyCommands.builder().commands(COMMANDS.stream()
                .map(c -> new BotCommand(c, messages.get(lang, "tg.cmd." + c))).toList());
        if (languageCode != null) {
            b.languageCode(languageCode);
        }
        api.call(b.build());
    }

    /**
     * Graceful: nothing unhandled is acknowledged; safe to call more than once. A webhook stays registered:
     * while the bot is down Telegram keeps the updates and delivers them once it answers again.
     */
    public void stop() {
        counters.stopping();
        try {
            if (poller.isPresent()) {
                poller.get().stop(settings.shutdownGrace());
            }
            if (receiver.isPresent()) {
                receiver.get().close(settings.shutdownGrace());
            }
            deletions.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sendHttp.dispatcher().executorService().shutdown();
            pollHttp.dispatcher().executorService().shutdown();
            sendHttp.connectionPool().evictAll();
        }
        log.info("Telegram bot stopped");
    }

    int pendingDeletions() {
        return deletions.pendingCount();
    }

    private static int port(BotSettings s) {
        int p = s.apiUrl().getPort();
        return p > 0 ? p : "https".equals(s.apiUrl().getScheme()) ? 443 : 80;
    }
}
