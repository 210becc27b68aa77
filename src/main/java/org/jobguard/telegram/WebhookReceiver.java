package org.jobguard.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook mode's intake: the updates Telegram posts, handed to the same router through the same per-chat
 * ordered queues ({@link ChatQueues}) on the same bounded pool as long polling. It knows nothing about HTTP: the
 * web server calls {@link #authentic} with the secret header and {@link #receive} with the body, and answers with
 * the status {@code receive} returns.
 *
 * <p>Telegram treats a 2xx answer as "delivered" and anything else as "send again later", so the answer plays
 * the part of polling's acknowledgement: a post is answered 200 once its update was handled. Waiting is capped at
 * {@link WebhookSettings#answerWithin()}, after which the post is answered 200 while handling goes on. Why not an
 * error instead: an update that slow is stuck behind a Bot API rate limit (429 with retry_after) or an outage, so a
 * redelivery would not be handled any sooner; Telegram counts every non-2xx as a failed delivery, retries it with
 * growing delays and, by its documentation, gives up after "a reasonable amount of attempts" anyway, and its own
 * request timeout is undocumented, so a slow answer risks the same redelivery. The price is that an update
 * answered early is lost if the process dies before it is handled, and the stop logs how many that were.
 *
 * <p>An update whose handling failed (its report could not be stored) is answered 500, so that Telegram delivers it
 * again, as polling leaves it unacknowledged; the redelivery is handled again, without a second reply. After
 * {@link UpdatePoller#ATTEMPTS} failed attempts it is logged once, counted as skipped and answered 200, so that one
 * poisonous update does not come back for ever.
 *
 * <p>Telegram sends an update again when it did not get a 2xx in time; the ids of recent updates are remembered
 * (bounded), and a repeat waits for the first delivery's outcome instead of being answered twice.
 *
 * <p>With other instances behind the same webhook ({@link SharedBotState}), a worker first takes the update's chat's
 * turn among the instances (a chat's updates are handled one at a time, so in order, whichever instance they reach),
 * then claims the update id, so that a redelivery reaching another instance is not handled twice; the turn is given
 * back only once the outcome is recorded.
 */
public final class WebhookReceiver {
    /** The header carrying the secret_token given to setWebhook. */
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** An update is one message of at most 4096 characters plus entities and metadata: a megabyte is generous. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    public static final int OK = 200;
    public static final int BAD_REQUEST = 400;
    /** Handling failed: Telegram delivers the update again. */
    public static final int FAILED = 500;
    public static final int UNAVAILABLE = 503;

    /** Updates queued or running at most; beyond it posts get 503 and Telegram sends them again later. */
    static final int CAPACITY = 1_000;
    /** Redeliveries come within minutes; ten thousand ids cover that at any realistic rate, in about a megabyte. */
    private static final int REMEMBERED_IDS = 10_000;
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

    private final WebhookSettings settings;
    private final byte[] secretDigest;
    private final UpdateHandler handler;
    private final ExecutorService pool;
    private final ChatQueues queues;
    // Telegram adds fields to updates over time; an unknown one must not turn into a 400 and a redelivery loop
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /**
     * The status to answer per update id: {@link #OK} handled (or skipped for good), {@link #UNAVAILABLE} stopped
     * before it was handled, {@link #FAILED} handling failed.
     */
    private final Cache<Integer, CompletableFuture<Integer>> recent =
            Caffeine.newBuilder().maximumSize(REMEMBERED_IDS).build();
    /** Failed attempts per update id, until it is handled or skipped; bounded like {@link #recent}. */
    private final Cache<Integer, Integer> failures = Caffeine.newBuilder().maximumSize(REMEMBERED_IDS).build();
    /** Updates not yet handled; the value says whether Telegram was already answered 200 for it. */
    private final Map<CompletableFuture<Integer>, Boolean> pending = new ConcurrentHashMap<>();
    private final BotCounters counters;
    private final Optional<SharedBotState> shared;
    private final java.util.function.Consumer<Error> onFatal;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private int inFlight;
    private boolean open;
    private boolean closed;

    /** @param onFatal told when an Error (not a stack overflow in one update) ended an update; it has been logged */
    WebhookReceiver(WebhookSettings settings, UpdateHandler handler, ExecutorService pool, BotCounters counters,
                    java.util.function.Consumer<Error> onFatal) {
        this(settings, handler, pool, counters, onFatal, Optional.empty());
    }

    /** @param shared present when other instances take posts for the same bot: update ids are claimed there */
    WebhookReceiver(WebhookSettings settings, UpdateHandler handler, ExecutorService pool, BotCounters counters,
                    java.util.function.Consumer<Error> onFatal, Optional<SharedBotState> shared) {
        this.shared = shared;
        this.settings = settings;
        this.counters = counters;
        this.onFatal = onFatal;
        this.secretDigest = sha256(settings.secretToken());
        this.handler = handler;
        this.pool = pool;
        this.queues = new ChatQueues(pool);
    }

    /** Where the web server takes the posts: the path of the public webhook URL. */
    public String path() {
        return settings.path();
    }

    /**
     * Compares digests, so the time taken says nothing about the secret, not even its length. A refusal is
     * logged without the header's value, at most once a minute with a count, so that a scan cannot flood the log.
     */
    public boolean authentic(String secretHeader) {
        if (secretHeader != null && MessageDigest.isEqual(sha256(secretHeader), secretDigest)) {
            return true;
        }
        refused.incrementAndGet();
        long last = lastWarning.get();
        long now = System.nanoTime();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn("Refused {} webhook post(s) without the right secret token", refused.getAndSet(0));
        }
        return false;
    }

    /**
     * Hands one posted update to the router and waits for it to be handled (see the class comment for how long).
     *
     * @return the HTTP status to answer: 200 handled (or a repeat of one, or skipped after failing too often), 400
     *         not an update, 500 handling failed (Telegram sends it again), 503 stopping or full
     */
    public int receive(byte[] body) {
        if (!admit()) {
            return UNAVAILABLE;
        }
        boolean queued = false;
        try {
            Update update;
            try {
                update = json.readValue(body, Update.class);
            } catch (IOException e) {
                // the parser's message may quote the body
                log.warn("Webhook post is not an update ({})", e.getClass().getSimpleName());
                return BAD_REQUEST;
            }
            if (update == null || update.getUpdateId() == null) {
                log.warn("Webhook post has no update_id");
                return BAD_REQUEST;
            }
            CompletableFuture<Integer> mine = new CompletableFuture<>();
            CompletableFuture<Integer> earlier = recent.asMap().putIfAbsent(update.getUpdateId(), mine);
            if (earlier != null) {
                return await(earlier);
            }
            pending.put(mine, false);
            queues.submit(UpdateHandler.orderKey(update), () -> handle(update, mine));
            queued = true;
            return await(mine);
        } finally {
            if (!queued) {
                release();
            }
        }
    }

    private void handle(Update update, CompletableFuture<Integer> outcome) {
        int id = update.getUpdateId();
        Optional<SharedBotState.Turn> turn = Optional.empty();
        try {
            if (shared.isPresent()) {
                turn = turn(update);
                if (turn.isEmpty()) {
                    // another instance is still on this chat: Telegram sends the update again, and it keeps its place
                    recent.asMap().remove(id, outcome);
                    outcome.complete(UNAVAILABLE);
                    return;
                }
                if (!claimed(id, outcome)) {
                    return;
                }
            }
            handler.handle(update);
            failures.invalidate(id);
            complete(id, outcome, OK);
        } catch (InterruptedException e) {
            // stopping: not handled, so Telegram is told to send it again (if it is still waiting for an answer)
            Thread.currentThread().interrupt();
            recent.asMap().remove(id, outcome);
            complete(id, outcome, UNAVAILABLE);
        } catch (RuntimeException | StackOverflowError e) {
            complete(id, outcome, failed(id, outcome, e));
        } catch (Error e) {
            // out of memory and the like: nothing on this JVM can be trusted; not handled, so it comes again
            recent.asMap().remove(id, outcome);
            complete(id, outcome, FAILED);
            log.error("A Telegram worker died: {}", e.getClass().getName());
            onFatal.accept(e);
        } finally {
            // after the outcome is recorded, so that whoever takes the chat's turn next finds it
            turn.ifPresent(SharedBotState.Turn::close);
            pending.remove(outcome);
            release();
        }
    }

    /**
     * The chat's turn among the instances, waited for less than the post's answer, so that a post is never answered
     * 200 before its update is claimed; empty when another instance kept it or the store cannot be reached.
     */
    private Optional<SharedBotState.Turn> turn(Update update) throws InterruptedException {
        try {
            return shared.get().takeTurn(UpdateHandler.orderKey(update), settings.answerWithin().dividedBy(2));
        } catch (RuntimeException e) {
            log.error("Cannot take a chat's turn in the shared store; Telegram will send the update again: {}",
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Claims the update among the instances, within its chat's turn: true when this instance is to handle it;
     * otherwise the post is answered (200 when another instance handled it, 503 while another is handling it, so
     * Telegram asks again later).
     */
    private boolean claimed(int updateId, CompletableFuture<Integer> outcome) {
        SharedBotState.Claim claim;
        try {
            claim = shared.get().claimUpdate(updateId);
        } catch (RuntimeException e) {
            log.error("Cannot claim an update in the shared store; Telegram will send it again: {}", e.getMessage());
            recent.asMap().remove(updateId, outcome);
            outcome.complete(UNAVAILABLE);
            return false;
        }
        switch (claim) {
            case MINE -> {
                return true;
            }
            case TAKEN_OVER -> {
                counters.updateTakenOver();
                log.info("Update claimed by an instance that stopped is handled here; its reply may have been sent");
                return true;
            }
            case HANDLED -> {
                outcome.complete(OK);
                return false;
            }
            default -> {
                recent.asMap().remove(updateId, outcome);
                outcome.complete(UNAVAILABLE);
                return false;
            }
        }
    }

    /**
     * Answers the post; with other instances, tells them first (handled for good, or released so that any of them
     * may take the redelivery), so that a redelivery reaching one of them right after the answer finds it so.
     */
    private void complete(int updateId, CompletableFuture<Integer> outcome, int status) {
        if (shared.isPresent()) {
            try {
                if (status == OK) {
                    shared.get().updateHandled(updateId);
                } else {
                    shared.get().releaseUpdate(updateId);
                }
            } catch (RuntimeException e) {
                // the claim stays until its lease ends: a redelivery is then handled again, without a second reply
                log.error("Cannot record an update's outcome in the shared store: {}", e.getMessage());
            }
        }
        outcome.complete(status);
    }

    /**
     * Forgets the outcome so that Telegram's redelivery is handled again (a store that failed may work the next
     * time), until the update has failed {@link UpdatePoller#ATTEMPTS} times: then it is skipped, so that a bug does
     * not bring it back for ever.
     *
     * @return the status to answer
     */
    private int failed(int updateId, CompletableFuture<Integer> outcome, Throwable e) {
        counters.updateFailed();
        int attempts = failures.asMap().merge(updateId, 1, Integer::sum);
        boolean answeredAlready = Boolean.TRUE.equals(pending.get(outcome));
        if (attempts < UpdatePoller.ATTEMPTS && !answeredAlready) {
            recent.asMap().remove(updateId, outcome);
            return FAILED;
        }
        failures.invalidate(updateId);
        counters.updateSkipped();
        // where, never the exception message (it may quote text)
        StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        log.error("Update skipped after {} failed attempt(s){}: {} at {}", attempts,
                answeredAlready ? ", Telegram already answered" : "", e.getClass().getName(), at);
        return OK;
    }

    private int await(CompletableFuture<Integer> outcome) {
        try {
            return outcome.get(settings.answerWithin().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.replace(outcome, true);
            log.info("Update still being handled after {} ms; answered Telegram so it does not send it again",
                    settings.answerWithin().toMillis());
            return OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNAVAILABLE;
        } catch (ExecutionException e) {
            // outcomes are only ever completed normally
            return OK;
        }
    }

    private synchronized boolean admit() {
        if (!open) {
            return false;
        }
        if (inFlight >= CAPACITY) {
            log.warn("{} updates in flight; asking Telegram to send more later", inFlight);
            return false;
        }
        inFlight++;
        return true;
    }

    private synchronized void release() {
        inFlight--;
        notifyAll();
    }

    /** From now on posts are handled; until then they get 503 (Telegram may post before start-up is done). */
    synchronized void open() {
        if (!closed) {
            open = true;
        }
    }

    /**
     * New posts get 503 from now on, so Telegram keeps them queued and sends them again after a restart; updates
     * already taken get {@code grace} to finish. Posts still waiting for an unfinished update get 503 too.
     */
    void close(Duration grace) throws InterruptedException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = false;
            long deadline = System.nanoTime() + grace.toNanos();
            while (inFlight > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                wait(left);
            }
        }
        pool.shutdownNow();
        pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        int redelivered = 0;
        int lost = 0;
        for (Map.Entry<CompletableFuture<Integer>, Boolean> e : pending.entrySet()) {
            if (e.getKey().complete(UNAVAILABLE)) {
                if (e.getValue()) {
                    lost++;
                } else {
                    redelivered++;
                }
            }
        }
        if (redelivered + lost > 0) {
            log.warn("Stopped with {} updates unfinished: {} will come again from Telegram, {} were already"
                    + " answered and are lost", redelivered + lost, redelivered, lost);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
