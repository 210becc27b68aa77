package org.jobguard.patterns;

import org.jobguard.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The claims and chats' turns of instances sharing a PostgreSQL store, two instances played by two stores on one
 * database: a claim is taken over at once when its instance's session is gone, after the lease when its instance
 * stopped renewing it, never while its instance lives and renews it; a chat's turn is free again when its holder's
 * connection ends.
 */
class UpdateClaimsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:15:30Z"));
    private PatternStore a;
    private PatternStore b;

    @BeforeEach
    void open() {
        StoreLocation.Postgres db = PostgresCluster.get().newDatabase();
        a = new PatternStore(db, clock);
        b = new PatternStore(db, clock);
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private static long session(PatternStore s) {
        return s.chatLocks().orElseThrow().session();
    }

    @Test
    void aClaimOfALiveInstanceIsKeptAndADoneUpdateIsHandled() {
        assertEquals(BotStateStore.Claim.MINE, a.botState().claimUpdate(1, session(a)));
        assertEquals(BotStateStore.Claim.TAKEN, b.botState().claimUpdate(1, session(b)));
        // renewed within the lease, as the instance working on it does: still not another's
        clock.advance(BotStateStore.CLAIM_LEASE.minusSeconds(1));
        a.botState().renewClaims(List.of(1L));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(BotStateStore.Claim.TAKEN, b.botState().claimUpdate(1, session(b)));
        a.botState().updateHandled(1);
        assertEquals(BotStateStore.Claim.HANDLED, b.botState().claimUpdate(1, session(b)));
    }

    @Test
    void aClaimNotRenewedIsTakenOverAfterTheLease() {
        assertEquals(BotStateStore.Claim.MINE, a.botState().claimUpdate(2, session(a)));
        clock.advance(BotStateStore.CLAIM_LEASE.minusSeconds(1));
        assertEquals(BotStateStore.Claim.TAKEN, b.botState().claimUpdate(2, session(b)));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(BotStateStore.Claim.TAKEN_OVER, b.botState().claimUpdate(2, session(b)));
        assertEquals(BotStateStore.Claim.TAKEN, a.botState().claimUpdate(2, session(a)), "b's now");
    }

    @Test
    void aClaimWhoseInstanceLostItsSessionIsTakenOverAtOnce() throws Exception {
        long dead = session(a);
        assertEquals(BotStateStore.Claim.MINE, a.botState().claimUpdate(3, dead));
        a.chatLocks().orElseThrow().close();
        // the server notices the closed connection within moments
        for (int i = 0; i < 100 && b.botState().claimUpdate(3, session(b)) == BotStateStore.Claim.TAKEN; i++) {
            Thread.sleep(20);
        }
        assertEquals(BotStateStore.Claim.TAKEN, a.botState().claimUpdate(3, dead), "taken over by b");
    }

    @Test
    void aChatsTurnIsOneInstancesAtATimeAndFreedWhenItsConnectionEnds() throws Exception {
        ChatLocks first = a.chatLocks().orElseThrow();
        ChatLocks second = b.chatLocks().orElseThrow();
        Optional<ChatLocks.Turn> turn = first.take(42, Duration.ZERO);
        assertTrue(turn.isPresent());
        assertTrue(second.take(42, Duration.ofMillis(100)).isEmpty(), "held by the other instance");
        Optional<ChatLocks.Turn> other = second.take(43, Duration.ZERO);
        assertTrue(other.isPresent(), "another chat is free");
        other.get().close();
        turn.get().close();
        assertTrue(second.take(42, Duration.ZERO).isPresent(), "free once given back");
        // never given back: its connection ends, as when its instance is killed, and the turn is free again
        second.close();
        assertTrue(first.take(42, Duration.ofSeconds(2)).isPresent());
    }
}
