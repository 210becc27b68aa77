package org.jobguard.telegram;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

/**
 * Fetches a picture the user sent: {@code getFile} for its path, then the bytes from the Bot API's file URL,
 * read into memory up to a limit and never written to disk. The library's own download builds the file URL on
 * api.telegram.org whatever {@code TELEGRAM_API_URL} says, so the URL is built here from the configured one.
 */
final class PictureDownload {
    private final BotApi api;
    private final OkHttpClient http;
    private final URI apiUrl;
    private final String token;

    PictureDownload(BotApi api, OkHttpClient http, URI apiUrl, String token) {
        this.api = api;
        this.http = http;
        this.apiUrl = apiUrl;
        this.token = token;
    }

    /** The bytes, or empty when the file has more than {@code maxBytes}. */
    Optional<byte[]> fetch(String fileId, int maxBytes) throws BotApi.CallFailed, InterruptedException {
        File file = api.call(GetFile.builder().fileId(fileId).build());
        if (file == null || file.getFilePath() == null) {
            throw new BotApi.CallFailed("getFile", 0);
        }
        if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
            return Optional.empty();
        }
        String base = apiUrl.toString().replaceAll("/+$", "");
        Request request = new Request.Builder().url(base + "/file/bot" + token + "/" + file.getFilePath()).get().build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful() || body == null) {
                throw new BotApi.CallFailed("downloadFile", response.code());
            }
            try (InputStream in = body.byteStream()) {
                byte[] bytes = in.readNBytes(maxBytes + 1);
                return bytes.length > maxBytes ? Optional.empty() : Optional.of(bytes);
            }
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            // the message could name the URL, which holds the token
            throw new BotApi.CallFailed("downloadFile", 0);
        }
    }
}
