package org.jobguard.telegram;

import java.util.TreeSet;

/**
 * Which fetched updates are handled. Telegram treats {@code getUpdates(offset)} as acknowledging every
 * update below {@code offset}, so the offset may only move past an update once it and every earlier one
 * are handled: the next offset is the oldest update still in flight. Updates fetched again because they
 * are still in flight are recognised and not handed out twice.
 */
final class AckWindow {
    private final TreeSet<Long> inFlight = new TreeSet<>();
    /** Failed updates kept in flight (the offset stays below them) until Telegram sends them again. */
    private final java.util.Set<Long> toRetry = new java.util.HashSet<>();
    private long highestSeen;
    private long floor;

    /** @param firstOffset the offset to start from (0: whatever Telegram still holds) */
    AckWindow(long firstOffset) {
        this.floor = firstOffset;
        this.highestSeen = firstOffset - 1;
    }

    /** @return true when the update is new and now in flight; false when it was seen before */
    synchronized boolean admit(long updateId) {
        if (toRetry.remove(updateId)) {
            return true;
        }
        if (updateId <= highestSeen || updateId < floor) {
            return false;
        }
        highestSeen = updateId;
        inFlight.add(updateId);
        return true;
    }

    synchronized void done(long updateId) {
        inFlight.remove(updateId);
        toRetry.remove(updateId);
        notifyAll();
    }

    /**
     * The update's handling failed: it stays unacknowledged, and is handed out again when the next
     * getUpdates brings it back.
     */
    synchronized void retry(long updateId) {
        if (inFlight.contains(updateId)) {
            toRetry.add(updateId);
        }
        notifyAll();
    }

    /** The offset that acknowledges exactly the handled prefix. */
    synchronized long nextOffset() {
        return inFlight.isEmpty() ? highestSeen + 1 : inFlight.first();
    }

    synchronized int inFlight() {
        return inFlight.size();
    }

    /**
     * Waits until the offset can move and at most {@code lowWater} updates are still in flight, or the time
     * is up. Every getUpdates returns the unacknowledged updates again, so polling after each reply would
     * re-read the whole window again and again during a burst; waiting for half of it to drain keeps that
     * to one re-read per half window.
     */
    synchronized void awaitRoom(int lowWater, long millis) throws InterruptedException {
        long start = nextOffset();
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!inFlight.isEmpty() && (nextOffset() == start || inFlight.size() > lowWater)) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }

    /** Waits until an update in flight is done or the time is up; returns at once when none is in flight. */
    synchronized void awaitProgress(long millis) throws InterruptedException {
        if (!inFlight.isEmpty()) {
            wait(millis);
        }
    }

    /** Waits until nothing is in flight or the time is up; returns whether it drained. */
    synchronized boolean awaitDrained(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!inFlight.isEmpty()) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
