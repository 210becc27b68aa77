package org.jobguard.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Discreet mode's auto-delete. The timers live in memory only (persisting them would mean writing chat
 * ids to disk), so the schedule fails safe instead: when the bot stops, every pending deletion runs at
 * once rather than being lost. Only a crash can leave a message in place; Telegram allows deletion for
 * 48 hours, which bounds the delay a user can choose.
 */
final class DeletionSchedule {
    static final Duration LONGEST = Duration.ofHours(47);
    private static final Logger log = LoggerFactory.getLogger(DeletionSchedule.class);

    private record Pending(long chatId, List<Integer> messageIds, ScheduledFuture<?> timer) {
    }

    private final BotApi api;
    private final ScheduledThreadPoolExecutor timers;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    DeletionSchedule(BotApi api) {
        this.api = api;
        this.timers = new ScheduledThreadPoolExecutor(1, r -> new Thread(r, "telegram-auto-delete"));
        // at shutdown the timers are dropped: flush() runs their deletions itself, at once
        timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    void schedule(long chatId, List<Integer> messageIds, Duration after) {
        long id = ids.incrementAndGet();
        synchronized (this) {
            if (timers.isShutdown()) {
                deleteNow(chatId, messageIds);
                return;
            }
            ScheduledFuture<?> timer = timers.schedule(() -> fire(id), after.toMillis(), TimeUnit.MILLISECONDS);
            pending.put(id, new Pending(chatId, List.copyOf(messageIds), timer));
        }
    }

    int pendingCount() {
        return pending.size();
    }

    /** Runs every pending deletion now; later schedules delete at once. */
    void flush() throws InterruptedException {
        synchronized (this) {
            timers.shutdown();
        }
        for (Long id : List.copyOf(pending.keySet())) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.timer().cancel(false);
                deleteNow(p.chatId(), p.messageIds());
            }
        }
        timers.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void fire(long id) {
        Pending p = pending.remove(id);
        if (p != null) {
            deleteNow(p.chatId(), p.messageIds());
        }
    }

    private void deleteNow(long chatId, List<Integer> messageIds) {
        for (int messageId : messageIds) {
            try {
                api.callQuietly(DeleteMessage.builder().chatId(chatId).messageId(messageId).build());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("Auto-delete interrupted; {} messages left", messageIds.size());
                return;
            }
        }
    }
}
