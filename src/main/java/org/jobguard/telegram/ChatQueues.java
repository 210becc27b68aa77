package org.jobguard.telegram;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Runs tasks on a bounded pool, one at a time per chat and in submission order, so a slow update holds
 * up its own chat only. A chat's queue is dropped as soon as it runs empty.
 */
final class ChatQueues {
    private final ExecutorService pool;
    private final Map<Long, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    ChatQueues(ExecutorService pool) {
        this.pool = pool;
    }

    void submit(long chatId, Runnable task) {
        CompletableFuture<Void>[] mine = newSlot();
        tails.compute(chatId, (id, tail) -> {
            CompletableFuture<Void> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            // handle, not thenRun: a failed task must not cancel the rest of the chat's queue
            mine[0] = previous.handleAsync((ignored, error) -> {
                task.run();
                return null;
            }, pool);
            return mine[0];
        });
        mine[0].whenComplete((ignored, error) -> tails.remove(chatId, mine[0]));
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<Void>[] newSlot() {
        return new CompletableFuture[1];
    }
}
