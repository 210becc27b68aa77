package org.jobguard.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Uptime monitors and proxies ask with HEAD: it must answer as GET does, without the body. */
class HeadRequestTest {
    @TempDir
    Path data;

    @Test
    void headOfThePublicPagesAnswersLikeGetWithoutABody() throws Exception {
        try (RunningWeb web = new RunningWeb(data)) {
            for (String path : new String[]{"/", "/health", "/contacts", "/admin/login"}) {
                HttpResponse<String> get = web.get(path);
                HttpResponse<byte[]> head = web.http.send(HttpRequest.newBuilder(URI.create(web.url(path)))
                        .timeout(Duration.ofSeconds(10)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(get.statusCode(), head.statusCode(), "HEAD " + path);
                assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"),
                        "HEAD " + path);
                assertEquals(0, head.body().length, "HEAD " + path);
            }
        }
    }

    @Test
    void headOfAModeratorPageIsRedirectedToTheLoginLikeGet() throws Exception {
        try (RunningWeb web = new RunningWeb(data)) {
            HttpResponse<byte[]> head = web.http.send(HttpRequest.newBuilder(URI.create(web.url("/admin")))
                    .timeout(Duration.ofSeconds(10)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(web.get("/admin").statusCode(), head.statusCode());
            assertEquals(0, head.body().length);
        }
    }
}
