package org.jobguard.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Optional;

/**
 * Telegram delivers an album (several pictures sent together) as one message per picture with the same
 * {@code media_group_id}. The first picture's reply is the album's: each later picture's text joins the album's
 * text, which is checked again and the reply edited, so the person gets one answer; and the pattern stored for the
 * album is replaced by the whole text's, so that the album is stored once and counted as one check. Updates of one chat are
 * handled in order, so an album's pictures never race. Entries are keyed by a keyed hash of user and album and
 * hold the recognised text in memory only, for at most 10 minutes.
 */
final class AlbumReplies {
    /** What the album's reply says so far, and the pattern stored for it (none while it is not flagged). */
    static final class Album {
        final int replyId;
        String text;
        Optional<Long> recordId;

        Album(int replyId, String text, Optional<Long> recordId) {
            this.replyId = replyId;
            this.text = text;
            this.recordId = recordId;
        }
    }

    private final Cache<String, Album> albums = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(10))
            .maximumSize(10_000).build();

    Optional<Album> get(String key) {
        return Optional.ofNullable(albums.getIfPresent(key));
    }

    void put(String key, Album album) {
        albums.put(key, album);
    }

    /** /forget: the user's albums go with everything else. */
    void forgetUser(String userHash) {
        albums.asMap().keySet().removeIf(k -> k.startsWith(userHash + ":"));
    }
}
