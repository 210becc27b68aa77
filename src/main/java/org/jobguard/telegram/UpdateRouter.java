package org.jobguard.telegram;

import org.jobguard.checker.Language;
import org.jobguard.checker.RedFlag;
import org.jobguard.checker.Verdict;
import org.jobguard.i18n.Messages;
import org.jobguard.reply.VerdictWording;
import org.jobguard.picture.PictureFormat;
import org.jobguard.picture.PictureReader;
import org.jobguard.picture.PictureText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.messageorigin.MessageOrigin;
import org.telegram.telegrambots.meta.api.objects.messageorigin.MessageOriginChannel;
import org.telegram.telegrambots.meta.api.objects.messageorigin.MessageOriginChat;
import org.telegram.telegrambots.meta.api.objects.messageorigin.MessageOriginHiddenUser;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Decides what every update means and answers it. Private chats get the full service; groups only ever
 * hear "send it to me privately", and only when they address the bot; channel posts are ignored.
 * Nothing here logs text, names or ids: log lines carry the kind of update at most.
 */
final class UpdateRouter implements UpdateHandler {
    private static final Logger log = LoggerFactory.getLogger(UpdateRouter.class);
    private static final Set<String> COMMANDS =
            Set.of("start", "help", "lang", "privacy", "forget", "contacts", "discreet");
    private static final String HTML = "HTML";

    private final BotApi api;
    private final TextChecker checker;
    private final PatternSink patterns;
    private final Messages messages;
    private final ReplyComposer composer;
    private final IdentityHasher hasher;
    private final PreferenceStore preferences;
    private final RateLimiter limiter;
    private final ReplyIndex replies;
    /** What /privacy says: users' choices are in the shared database when instances share one */
    private final String privacyKey;
    private final RecentChecks checks;
    private final DeletionSchedule deletions;
    private final ContactsFlow contacts;
    private final BotSettings settings;
    private final PictureReader pictures;
    private final PictureDownload downloads;
    private final AlbumReplies albums = new AlbumReplies();
    private volatile BotIdentity me = new BotIdentity(0, "");

    UpdateRouter(BotApi api, TextChecker checker, PatternSink patterns, Messages messages, BotSettings settings,
                 DeletionSchedule deletions, ContactsFlow contacts, PictureReader pictures, PictureDownload downloads,
                 Optional<SharedBotState> shared) {
        this.pictures = pictures;
        this.downloads = downloads;
        this.api = api;
        this.checker = checker;
        this.patterns = patterns;
        this.messages = messages;
        this.settings = settings;
        this.composer = new ReplyComposer(messages);
        this.hasher = new IdentityHasher(settings.hmacSecret());
        this.preferences = new PreferenceStore(settings.rememberFor(), shared);
        this.limiter = new RateLimiter(settings.messagesPerMinute(), Duration.ofMinutes(1));
        this.replies = new ReplyIndex(Duration.ofHours(48), shared);
        this.privacyKey = shared.isPresent() ? "tg.privacy.shared" : "tg.privacy";
        this.checks = new RecentChecks(Duration.ofHours(48));
        this.deletions = deletions;
        this.contacts = contacts;
    }

    /** Set once getMe answered: groups address the bot by this name. */
    void identify(BotIdentity identity) {
        this.me = identity;
    }

    @Override
    public void handle(Update update) throws InterruptedException {
        if (update.hasMessage()) {
            onMessage(update.getMessage(), false);
        } else if (update.hasEditedMessage()) {
            onMessage(update.getEditedMessage(), true);
        } else if (update.hasCallbackQuery()) {
            onCallback(update.getCallbackQuery());
        }
        // channel posts and anything else: never answered, never read
    }

    private void onMessage(Message msg, boolean edited) throws InterruptedException {
        String type = msg.getChat() == null ? "" : msg.getChat().getType();
        switch (type) {
            case "private" -> onPrivate(msg, edited);
            case "group", "supergroup" -> {
                if (!edited && addressedToMe(msg)) {
                    onAddressedInGroup(msg);
                }
            }
            default -> {
                // channels: a bot cannot be asked anything there, and reading along would be surveillance
            }
        }
    }

    // ---- private chats ------------------------------------------------------------------------------

    private void onPrivate(Message msg, boolean edited) throws InterruptedException {
        User from = msg.getFrom();
        long chatId = msg.getChatId();
        String user = hasher.user(from != null ? from.getId() : chatId);
        Preferences prefs = preferences.get(user);
        Language ui = prefs.chosenLanguage().orElse(fromLanguageCode(from));

        RateLimiter.Decision decision = limiter.admit(user);
        if (decision == RateLimiter.Decision.DROP) {
            return;
        }
        if (decision == RateLimiter.Decision.WARN) {
            send(chatId, messages.get(ui, "tg.rate_limited"), null, prefs, List.of());
            return;
        }

        String text = msg.hasText() ? msg.getText() : msg.getCaption();
        Optional<String> picture = pictureFileId(msg);
        if (picture.isPresent() && pictures.available() && !edited) {
            onPicture(msg, user, prefs, ui, picture.get(), text);
            return;
        }
        if (text == null) {
            if (!edited) {
                String key = prefs.discreet() ? "tg.discreet.other" : "tg.kind." + mediaKind(msg);
                send(chatId, messages.get(ui, key), null, prefs, List.of(msg.getMessageId()));
            }
            return;
        }
        if (msg.hasText() && text.startsWith("/") && msg.getForwardOrigin() == null) {
            if (!edited) {
                onCommand(msg, user, prefs, ui, text);
            }
            return;
        }
        onTextToCheck(msg, user, prefs, ui, text, edited);
    }

    // ---- pictures -----------------------------------------------------------------------------------

    /** How long a picture may take before the person is told it is being read. */
    private static final long READING_NOTICE_MILLIS = 1000;

    /**
     * The file id of the picture to read: a photo's largest size, or a document whose declared type is JPEG, PNG or
     * WebP (the reader checks the bytes themselves). Empty for anything else.
     */
    private static Optional<String> pictureFileId(Message msg) {
        if (msg.hasPhoto() && !msg.getPhoto().isEmpty()) {
            return msg.getPhoto().stream()
                    .max(java.util.Comparator.comparingLong(p -> (long) p.getWidth() * p.getHeight()))
                    .map(PhotoSize::getFileId);
        }
        if (msg.hasDocument()) {
            Document d = msg.getDocument();
            if (PictureFormat.acceptedMimeType(d.getMimeType())) {
                return Optional.ofNullable(d.getFileId());
            }
        }
        return Optional.empty();
    }

    /**
     * A photo or a picture file: downloaded (at most the reader's byte limit), read on the picture pool, and its
     * text checked together with the caption, as one text. Past a second the person is told the picture is being
     * read. A picture without readable text gets a reply asking for the text (the caption alone is checked when
     * there is one). The pictures of an album get one reply, edited as each is read.
     */
    private void onPicture(Message msg, String user, Preferences prefs, Language ui, String fileId, String caption)
            throws InterruptedException {
        long chatId = msg.getChatId();
        long t0 = System.nanoTime();
        String albumKey = msg.getMediaGroupId() == null ? null : hasher.album(user, chatId, msg.getMediaGroupId());
        Optional<AlbumReplies.Album> album = albumKey == null ? Optional.empty() : albums.get(albumKey);
        PictureText read;
        try {
            Optional<byte[]> bytes = downloads.fetch(fileId, pictures.settings().maxBytes());
            read = bytes.isEmpty() ? new PictureText(PictureText.Outcome.TOO_LARGE, "", 0)
                    : await(pictures.read(bytes.get()), t0, chatId, prefs, ui, album.isEmpty());
        } catch (BotApi.CallFailed e) {
            read = new PictureText(PictureText.Outcome.BROKEN, "", 0);
        }
        log.info("Picture: {} in {} ms", read.outcome(), (System.nanoTime() - t0) / 1_000_000);
        String captionText = caption == null ? "" : caption.strip();
        if (!read.read()) {
            if (album.isPresent()) {
                return; // the album's reply stands; one unreadable picture of several says nothing new
            }
            if (!captionText.isEmpty()) {
                onTextToCheck(msg, user, prefs, ui, captionText, false);
                return;
            }
            String key = prefs.discreet() ? "tg.discreet.other" : "tg.picture." + switch (read.outcome()) {
                case TOO_LARGE -> "too_large";
                case UNSUPPORTED -> "unsupported";
                case BUSY -> "busy";
                default -> "unreadable";
            };
            send(chatId, messages.format(ui, key, "mb", pictures.settings().maxBytes() / (1024 * 1024)), null, prefs,
                    List.of(msg.getMessageId()));
            return;
        }
        String text = captionText.isEmpty() ? read.text() : captionText + "\n" + read.text();
        if (album.isPresent()) {
            onAlbumPicture(msg, user, prefs, album.get(), text);
            return;
        }
        Answered answered = onTextToCheck(msg, user, prefs, ui, text, false, true);
        if (albumKey != null && answered.replyId().isPresent()) {
            albums.put(albumKey, new AlbumReplies.Album(answered.replyId().get(), text, answered.recordId()));
        }
    }

    /**
     * The picture's reading, telling the person after {@link #READING_NOTICE_MILLIS} that it is being read
     * (only for a first picture: an album's later ones already have their reply).
     */
    private PictureText await(CompletableFuture<PictureText> reading, long t0, long chatId, Preferences prefs,
                              Language ui, boolean mayNotify) throws InterruptedException {
        long waitMillis = READING_NOTICE_MILLIS - (System.nanoTime() - t0) / 1_000_000;
        try {
            return reading.get(Math.max(0, waitMillis), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (mayNotify) {
                send(chatId, messages.get(ui, prefs.discreet() ? "tg.discreet.reading" : "tg.picture.reading"), null,
                        prefs, List.of());
            }
        } catch (ExecutionException e) {
            return new PictureText(PictureText.Outcome.BROKEN, "", 0);
        }
        try {
            return reading.get();
        } catch (ExecutionException e) {
            return new PictureText(PictureText.Outcome.BROKEN, "", 0);
        }
    }

    /**
     * A later picture of an album: the album's text grows, is checked again, its one reply is edited, and the
     * album's stored pattern is replaced by the whole text's. The album's text grows only once the store has kept
     * it: an update that failed there is handled again, and its picture's text must not join twice.
     */
    private void onAlbumPicture(Message msg, String user, Preferences prefs, AlbumReplies.Album album, String text)
            throws InterruptedException {
        long chatId = msg.getChatId();
        String whole = album.text + "\n" + text;
        Verdict v;
        try {
            v = checker.check(whole, prefs.chosenLanguage());
        } catch (RuntimeException e) {
            log.error("Checker failed: {}", e.getClass().getName());
            return;
        }
        Language lang = prefs.chosenLanguage().orElse(v.language());
        Reply reply = compose(msg, user, prefs, v, lang, whole, true);
        edit(chatId, album.replyId, reply.html(), reply.keyboard());
        if (v.kind() != Verdict.Kind.EMPTY) {
            album.recordId = patterns.replace(album.recordId, v, whole, msg.getForwardOrigin() != null, user);
            if (reply.token() != null && album.recordId.isPresent()) {
                checks.attachRecord(reply.token(), album.recordId.get());
            }
        }
        album.text = whole;
    }

    /** What answering a text gave: the reply's message id, when one was sent, and the stored pattern's id. */
    private record Answered(Optional<Integer> replyId, Optional<Long> recordId) {
    }

    /** One reply to a checked text: its HTML, its buttons, and the token of its "this is wrong" button. */
    private record Reply(String html, InlineKeyboardMarkup keyboard, String token) {
    }

    private void onTextToCheck(Message msg, String user, Preferences prefs, Language ui, String text,
                               boolean edited) throws InterruptedException {
        onTextToCheck(msg, user, prefs, ui, text, edited, false);
    }

    private Answered onTextToCheck(Message msg, String user, Preferences prefs, Language ui, String text,
                                            boolean edited, boolean fromPicture) throws InterruptedException {
        long chatId = msg.getChatId();
        boolean forwarded = msg.getForwardOrigin() != null;
        Verdict v;
        try {
            v = checker.check(text, prefs.chosenLanguage());
        } catch (RuntimeException e) {
            // a checker bug must not leave the user without an answer; the log names the bug, never the text
            StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            log.error("Checker failed: {} at {}", e.getClass().getName(), at);
            send(chatId, messages.get(ui, "tg.check_failed"), null, prefs, List.of(msg.getMessageId()));
            return new Answered(Optional.empty(), Optional.empty());
        }
        Language lang = replyLanguage(v, ui, prefs.chosenLanguage(), fromPicture);
        boolean countable = !edited && v.kind() != Verdict.Kind.EMPTY;
        Reply reply = fromPicture && v.kind() == Verdict.Kind.EMPTY && !prefs.discreet()
                ? new Reply(messages.get(ui, "tg.picture.unreadable"), null, null)
                : compose(msg, user, prefs, v, lang, text, fromPicture);
        String html = reply.html();
        InlineKeyboardMarkup keyboard = reply.keyboard();
        String token = reply.token();

        String messageKey = hasher.message(user, chatId, msg.getMessageId());
        Optional<Integer> earlier = replies.replyTo(messageKey);
        if (edited && earlier.isPresent()) {
            edit(chatId, earlier.get(), html, keyboard);
            return new Answered(earlier, Optional.empty());
        }
        // a message already answered is handled again because storing it failed: store it, do not answer twice
        Optional<Integer> replyId = earlier;
        if (earlier.isEmpty()) {
            replyId = send(chatId, html, keyboard, prefs, List.of(msg.getMessageId()));
            replyId.ifPresent(id -> replies.remember(messageKey, id));
        }
        // every check is counted for the rule statistics and a flagged one is stored, after the reply: the
        // user waits for the warning, not for the database. The update is acknowledged only once this is
        // done too, and a press on the reply's buttons queues behind it in the same chat.
        Optional<Long> recordId = Optional.empty();
        if (countable) {
            recordId = record(v, text, forwarded, user);
            if (token != null && recordId.isPresent()) {
                checks.attachRecord(token, recordId.get());
            }
        }
        return new Answered(replyId, recordId);
    }

    /** The reply to a verdict: in discreet mode one neutral sentence, otherwise the verdict with its buttons. */
    private Reply compose(Message msg, String user, Preferences prefs, Verdict v, Language lang, String text,
                          boolean fromPicture) {
        if (prefs.discreet()) {
            return new Reply(switch (v.kind()) {
                case EMPTY -> messages.get(lang, "tg.discreet.other");
                case AWARENESS -> messages.get(lang, "tg.discreet.verdict.none");
                case RANSOM, HELD -> messages.get(lang, "tg.discreet.ransom");
                case MESSAGE, MAYBE_HELD -> composer.discreetVerdict(v, lang);
            }, null, null);
        }
        Optional<String> pictureNote = fromPicture ? Optional.of("tg.picture.note") : Optional.empty();
        return switch (v.kind()) {
            case EMPTY -> new Reply(messages.get(lang, "tg.empty"), null, null);
            case AWARENESS -> new Reply(messages.get(lang, "tg.awareness"), null, null);
            case RANSOM, HELD -> {
                // a relative's account, a plea or a captor's demand: the numbers for the place named, not a job-ad
                // verdict
                ContactsFlow.Screen screen = contacts.forMessage(text, v.countriesNamed(), lang);
                String why = composer.demand(v, lang, ReplyComposer.LIMIT - screen.html().length() - 2);
                yield new Reply(VerdictWording.join(List.of(why, screen.html())), screen.keyboard(), null);
            }
            case MESSAGE, MAYBE_HELD -> {
                String token = checks.remember(new RecentChecks.Check(user, Optional.empty(),
                        v.flags().stream().map(RedFlag::ruleId).distinct().toList(), v.risk(), lang));
                yield new Reply(composer.verdict(v, lang, forwardNote(msg.getForwardOrigin()), pictureNote,
                        patterns.confirmedContact(text)),
                        keyboard(List.of(button(lang, "tg.button.steps", "s"), button(lang, "tg.button.wrong", "w:" + token)),
                                List.of(button(lang, "tg.button.contacts", "c"))), token);
            }
        };
    }

    /**
     * Throws when the store could not keep it: the reply is sent already, and the update is then not acknowledged
     * but handled again (a report answered and acknowledged but never stored was lost for good).
     */
    private Optional<Long> record(Verdict v, String text, boolean forwarded, String user) {
        return patterns.record(v, text, forwarded, user);
    }

    private int forgetRecords(String user) {
        try {
            return patterns.forget(user);
        } catch (RuntimeException e) {
            log.error("Records could not be forgotten: {}", e.getClass().getName());
            return 0;
        }
    }

    private static Optional<String> forwardNote(MessageOrigin origin) {
        if (origin == null) {
            return Optional.empty();
        }
        if (origin instanceof MessageOriginHiddenUser) {
            return Optional.of("tg.forwarded.hidden_user");
        }
        if (origin instanceof MessageOriginChat) {
            return Optional.of("tg.forwarded.chat");
        }
        if (origin instanceof MessageOriginChannel) {
            return Optional.of("tg.forwarded.channel");
        }
        return Optional.of("tg.forwarded.user");
    }

    private static String mediaKind(Message msg) {
        if (msg.hasPhoto()) {
            return "photo";
        }
        if (msg.hasDocument()) {
            return "document";
        }
        if (msg.hasSticker()) {
            return "sticker";
        }
        if (msg.hasVoice() || msg.hasAudio()) {
            return "voice";
        }
        if (msg.hasVideo() || msg.hasVideoNote() || msg.hasAnimation()) {
            return "video";
        }
        if (msg.hasLocation() || msg.getVenue() != null) {
            return "location";
        }
        if (msg.hasContact()) {
            return "contact";
        }
        return "other";
    }

    // ---- commands -----------------------------------------------------------------------------------

    private void onCommand(Message msg, String user, Preferences prefs, Language ui, String text)
            throws InterruptedException {
        long chatId = msg.getChatId();
        String[] parts = text.trim().split("\\s+", 2);
        String command = parts[0].substring(1);
        int at = command.indexOf('@');
        if (at >= 0) {
            command = command.substring(0, at);
        }
        command = command.toLowerCase(Locale.ROOT);
        String arg = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "";
        List<Integer> own = List.of(msg.getMessageId());
        switch (command) {
            case "start" -> send(chatId, messages.get(ui, prefs.discreet() ? "tg.discreet.help" : "tg.start"),
                    null, prefs, own);
            case "help" -> send(chatId, messages.get(ui, prefs.discreet() ? "tg.discreet.help" : "tg.help"),
                    null, prefs, own);
            case "privacy" -> send(chatId, messages.format(ui, privacyKey,
                    "days", settings.retentionDays(), "memory_days", settings.rememberFor().toDays(),
                    "forget_hours", patterns.forgetWindow().toHours()), null, prefs, own);
            case "forget" -> {
                preferences.forget(user);
                limiter.forget(user);
                replies.forgetUser(user);
                checks.forgetUser(user);
                albums.forgetUser(user);
                int deleted = forgetRecords(user);
                String done = messages.get(ui, "tg.forget.done");
                if (deleted > 0) {
                    done += "\n" + messages.format(ui, "tg.forget.records", "count", deleted);
                }
                send(chatId, done, null, Preferences.DEFAULT, List.of());
            }
            case "lang" -> onLang(chatId, user, prefs, ui, arg);
            case "contacts" -> {
                ContactsFlow.Screen ask = contacts.askLocation(ui);
                send(chatId, ask.html(), ask.keyboard(), prefs, own);
            }
            case "discreet" -> onDiscreet(msg, user, prefs, ui, arg);
            default -> send(chatId, messages.get(ui, "tg.unknown_command"), null, prefs, own);
        }
    }

    private void onLang(long chatId, String user, Preferences prefs, Language ui, String arg)
            throws InterruptedException {
        if (arg.isEmpty()) {
            InlineKeyboardMarkup choices = keyboard(
                    List.of(plainButton("English", "l:en"), plainButton("简体中文", "l:zh-Hans"),
                            plainButton("繁體中文", "l:zh-Hant")),
                    List.of(button(ui, "tg.lang.auto_button", "l:auto")));
            send(chatId, messages.get(ui, "tg.lang.ask"), choices, prefs, List.of());
            return;
        }
        applyLanguage(chatId, user, prefs, parseLanguage(arg), ui);
    }

    private void applyLanguage(long chatId, String user, Preferences prefs, Optional<Optional<Language>> choice,
                               Language ui) throws InterruptedException {
        if (choice.isEmpty()) {
            onLang(chatId, user, prefs, ui, "");
            return;
        }
        Language chosen = choice.get().orElse(null);
        preferences.update(user, p -> p.withLanguage(chosen));
        Preferences now = preferences.get(user);
        String reply = chosen == null ? messages.get(ui, "tg.lang.auto") : messages.get(chosen, "tg.lang.set");
        send(chatId, reply, null, now, List.of());
    }

    /** empty: not understood; Optional.empty() inside: back to automatic. */
    private static Optional<Optional<Language>> parseLanguage(String arg) {
        String a = arg.replace('_', '-');
        if (a.equals("auto") || a.equals("自动") || a.equals("自動")) {
            return Optional.of(Optional.empty());
        }
        if (a.equals("en") || a.equals("english")) {
            return Optional.of(Optional.of(Language.EN));
        }
        if (a.equals("zh") || a.equals("zh-hans") || a.equals("zh-cn") || a.equals("简体") || a.equals("简体中文")) {
            return Optional.of(Optional.of(Language.ZH_HANS));
        }
        if (a.equals("zh-hant") || a.equals("zh-tw") || a.equals("zh-hk") || a.equals("繁體") || a.equals("繁體中文")) {
            return Optional.of(Optional.of(Language.ZH_HANT));
        }
        return Optional.empty();
    }

    private void onDiscreet(Message msg, String user, Preferences prefs, Language ui, String arg)
            throws InterruptedException {
        long chatId = msg.getChatId();
        if (arg.equals("off")) {
            preferences.update(user, p -> p.withDiscreet(false, Duration.ZERO));
            send(chatId, messages.get(ui, "tg.discreet.off"), null, preferences.get(user), List.of());
            return;
        }
        Duration after = settings.discreetDeleteAfter();
        if (arg.matches("\\d{1,5}")) {
            after = Duration.ofMinutes(Long.parseLong(arg));
        }
        if (after.compareTo(DeletionSchedule.LONGEST) > 0) {
            after = DeletionSchedule.LONGEST;
        }
        Duration chosen = after;
        preferences.update(user, p -> p.withDiscreet(true, chosen));
        String suffix = chosen.isZero() ? ""
                : messages.format(ui, "tg.discreet.delete_suffix", "minutes", Math.max(1, chosen.toMinutes()));
        send(chatId, messages.format(ui, "tg.discreet.on", "delete", suffix), null, preferences.get(user),
                List.of(msg.getMessageId()));
    }

    // ---- groups -------------------------------------------------------------------------------------

    /** A command meant for this bot, a mention of it, or a reply to one of its messages. */
    private boolean addressedToMe(Message msg) {
        BotIdentity self = me;
        String text = msg.hasText() ? msg.getText() : msg.getCaption();
        List<MessageEntity> entities = msg.hasText() ? msg.getEntities() : msg.getCaptionEntities();
        if (msg.getReplyToMessage() != null && msg.getReplyToMessage().getFrom() != null
                && msg.getReplyToMessage().getFrom().getId() == self.id()) {
            return true;
        }
        if (text == null || entities == null) {
            return false;
        }
        for (MessageEntity e : entities) {
            int start = e.getOffset();
            int end = start + e.getLength();
            if (start < 0 || end > text.length()) {
                continue;
            }
            String span = text.substring(start, end);
            switch (e.getType()) {
                case "bot_command" -> {
                    int at = span.indexOf('@');
                    if (at < 0 ? COMMANDS.contains(span.substring(1).toLowerCase(Locale.ROOT))
                            : span.substring(at + 1).equalsIgnoreCase(self.username())) {
                        return true;
                    }
                }
                case "mention" -> {
                    if (span.substring(1).equalsIgnoreCase(self.username())) {
                        return true;
                    }
                }
                case "text_mention" -> {
                    if (e.getUser() != null && e.getUser().getId() == self.id()) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    private void onAddressedInGroup(Message msg) throws InterruptedException {
        User from = msg.getFrom();
        if (from != null && limiter.admit(hasher.user(from.getId())) != RateLimiter.Decision.ALLOW) {
            return;
        }
        Language ui = fromLanguageCode(from);
        String link = "https://t.me/" + Html.escape(me.username());
        send(msg.getChatId(), messages.format(ui, "tg.group.private_only", "link", link), null,
                Preferences.DEFAULT, List.of());
    }

    // ---- buttons ------------------------------------------------------------------------------------

    private void onCallback(CallbackQuery q) throws InterruptedException {
        String data = q.getData() == null ? "" : q.getData();
        User from = q.getFrom();
        String user = hasher.user(from.getId());
        Preferences prefs = preferences.get(user);
        Language ui = prefs.chosenLanguage().orElse(fromLanguageCode(from));
        boolean inPrivate = q.getMessage() != null && q.getMessage().getChat() != null
                && "private".equals(q.getMessage().getChat().getType());
        String notice = null;
        // a button pressed in a flood still gets its spinner stopped, but nothing more
        boolean allowed = limiter.admit(user) == RateLimiter.Decision.ALLOW;
        if (inPrivate && allowed) {
            long chatId = q.getMessage().getChatId();
            if (data.equals("s")) {
                send(chatId, messages.get(ui, "tg.steps"), null, prefs, List.of());
            } else if (data.equals("c")) {
                ContactsFlow.Screen ask = contacts.askLocation(ui);
                send(chatId, ask.html(), ask.keyboard(), prefs, List.of());
            } else if (data.startsWith("cl:") || data.startsWith("cn:")) {
                Optional<ContactsFlow.Screen> next = contacts.onButton(data, ui);
                if (next.isPresent()) {
                    edit(chatId, q.getMessage().getMessageId(), next.get().html(), next.get().keyboard());
                }
            } else if (data.startsWith("w:")) {
                Optional<RecentChecks.Check> check = checks.take(data.substring(2));
                if (check.isPresent()) {
                    RecentChecks.Check c = check.get();
                    reportWrong(c);
                    notice = messages.get(c.language(), "tg.wrong.thanks");
                } else {
                    notice = messages.get(ui, "tg.expired");
                }
            } else if (data.startsWith("l:")) {
                Optional<Optional<Language>> choice = data.equals("l:auto") ? Optional.of(Optional.empty())
                        : Language.fromTag(data.substring(2)).map(Optional::of);
                applyLanguage(chatId, user, prefs, choice, ui);
            }
        }
        AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> answer =
                AnswerCallbackQuery.builder().callbackQueryId(q.getId());
        if (notice != null) {
            answer.text(notice);
        }
        api.callQuietly(answer.build());
    }

    private void reportWrong(RecentChecks.Check c) {
        try {
            patterns.reportWrong(c.recordId(), c.ruleIds(), c.risk(), c.language());
        } catch (RuntimeException e) {
            log.error("Report could not be stored: {}", e.getClass().getName());
        }
    }

    // ---- sending ------------------------------------------------------------------------------------

    /**
     * Sends one HTML message; in discreet mode with auto-delete, schedules it and {@code alsoDelete} (the
     * user's own message) for deletion.
     *
     * @return the reply's message id, empty when Telegram refused it
     */
    private Optional<Integer> send(long chatId, String html, InlineKeyboardMarkup keyboard, Preferences prefs,
                                   List<Integer> alsoDelete) throws InterruptedException {
        SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(chatId).text(html).parseMode(HTML)
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
        if (keyboard != null) {
            b.replyMarkup(keyboard);
        }
        Optional<Integer> id;
        try {
            Message sent = api.call(b.build());
            id = Optional.ofNullable(sent == null ? null : sent.getMessageId());
        } catch (BotApi.CallFailed e) {
            id = e.code() == 400 ? sendPlain(chatId, html, keyboard) : Optional.empty();
        }
        if (prefs.discreet() && !prefs.deleteAfter().isZero()) {
            List<Integer> toDelete = new ArrayList<>(alsoDelete);
            id.ifPresent(toDelete::add);
            if (!toDelete.isEmpty()) {
                deletions.schedule(chatId, toDelete, prefs.deleteAfter());
            }
        }
        return id;
    }

    /**
     * Telegram refuses a whole message when it cannot parse its HTML (a broken translation, an unexpected
     * tag): a warning without formatting is better than no warning.
     */
    private Optional<Integer> sendPlain(long chatId, String html, InlineKeyboardMarkup keyboard)
            throws InterruptedException {
        String plain = html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&amp;", "&");
        SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(chatId).text(plain)
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
        if (keyboard != null) {
            b.replyMarkup(keyboard);
        }
        try {
            Message sent = api.call(b.build());
            return Optional.ofNullable(sent == null ? null : sent.getMessageId());
        } catch (BotApi.CallFailed e) {
            return Optional.empty();
        }
    }

    private void edit(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard)
            throws InterruptedException {
        EditMessageText.EditMessageTextBuilder<?, ?> b = EditMessageText.builder().chatId(chatId)
                .messageId(messageId).text(html).parseMode(HTML)
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
        if (keyboard != null) {
            b.replyMarkup(keyboard);
        }
        // a 400 here means "not modified" or the reply is gone; either way there is nothing better to do
        api.callQuietly(b.build());
    }

    @SafeVarargs
    private static InlineKeyboardMarkup keyboard(List<InlineKeyboardButton>... rows) {
        InlineKeyboardMarkup.InlineKeyboardMarkupBuilder<?, ?> b = InlineKeyboardMarkup.builder();
        for (List<InlineKeyboardButton> row : rows) {
            b.keyboardRow(new InlineKeyboardRow(row));
        }
        return b.build();
    }

    private InlineKeyboardButton button(Language lang, String key, String data) {
        return plainButton(messages.get(lang, key), data);
    }

    private static InlineKeyboardButton plainButton(String label, String data) {
        return InlineKeyboardButton.builder().text(label).callbackData(data).build();
    }

    /** Telegram's client language: a hint for replies that have no text of the user's to go by. */
    /**
     * The language of a reply: the one the user chose, else the text's. Nothing readable says nothing about the
     * language, so then the user's own. Neither does the script of Chinese read from a picture: Tesseract's
     * Traditional model can win on a Simplified screenshot and hand back Traditional characters, so a Chinese
     * picture is answered in the script of the user's Telegram language.
     */
    static Language replyLanguage(Verdict v, Language ui, Optional<Language> chosen, boolean fromPicture) {
        if (chosen.isPresent()) {
            return chosen.get();
        }
        if (v.kind() == Verdict.Kind.EMPTY) {
            return ui;
        }
        boolean chinese = v.language() != Language.EN;
        return fromPicture && chinese && ui != Language.EN ? ui : v.language();
    }

    static Language fromLanguageCode(User user) {
        String code = user == null || user.getLanguageCode() == null ? ""
                : user.getLanguageCode().toLowerCase(Locale.ROOT);
        if (!code.startsWith("zh")) {
            return Language.EN;
        }
        return code.contains("hant") || code.endsWith("tw") || code.endsWith("hk") || code.endsWith("mo")
                ? Language.ZH_HANT : Language.ZH_HANS;
    }
}
