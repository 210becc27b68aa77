package org.jobguard.web;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The one moderator login. Credentials come from the environment or, on the first local start, are
 * generated, shown once and kept only as an Argon2 hash in {@code <dataDir>/admin-credentials}.
 *
 * <p>Hashing a password costs about a second of a cold JVM's time, so it runs on its own thread while the service
 * starts; a login made before it finishes waits for it.
 */
public final class AdminAccount {
    static final String FILE_NAME = "admin-credentials";
    private static final String DEFAULT_USER = "admin";

    private final String user;
    private final CompletableFuture<String> passwordHash;
    private final Optional<String> generatedPassword;

    private AdminAccount(String user, CompletableFuture<String> passwordHash, Optional<String> generatedPassword) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.generatedPassword = generatedPassword;
    }

    public static AdminAccount load(WebSettings settings, SecureRandom random) {
        if (settings.adminUser().isPresent() && settings.adminPassword().isPresent()) {
            String password = settings.adminPassword().get();
            return new AdminAccount(settings.adminUser().get(), inBackground(() -> hash(password)), Optional.empty());
        }
        Path file = settings.dataDir().resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() < 2 || lines.get(0).isBlank() || !lines.get(1).startsWith("$argon2")) {
                    throw new IllegalStateException(file + ":1: expected a user name line and an Argon2 hash line;"
                            + " delete the file to generate new credentials");
                }
                return new AdminAccount(lines.get(0).trim(), CompletableFuture.completedFuture(lines.get(1).trim()),
                        Optional.empty());
            }
            String user = settings.adminUser().orElse(DEFAULT_USER);
            byte[] bytes = new byte[15];
            random.nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.createDirectories(settings.dataDir());
            // written when hashed: a crash before that only means new credentials on the next start
            return new AdminAccount(user, inBackground(() -> {
                String hash = hash(password);
                try {
                    Files.writeString(file, user + "\n" + hash + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (IOException e) {
                    throw new UncheckedIOException(file + ": cannot write admin credentials: " + e.getMessage(), e);
                }
                return hash;
            }), Optional.of(password));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read or write admin credentials: " + e.getMessage(), e);
        }
    }

    /**
     * Argon2id with the OWASP minimum (19 MiB, 2 passes): slow for guessing, quick enough for one login. The library
     * keeps a zeroed 19 MiB block template in every instance it hands out and never lets it go, so the instance is
     * made on the first hash or login, not whenever the service starts.
     */
    private static final class Argon2id {
        static final Argon2Function FUNCTION = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID, 19);
    }

    private static CompletableFuture<String> inBackground(java.util.function.Supplier<String> work) {
        return CompletableFuture.supplyAsync(work, task -> {
            Thread t = new Thread(task, "admin-password-hash");
            t.setDaemon(true);
            t.start();
        });
    }

    private static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(Argon2id.FUNCTION).getResult();
    }

    public boolean matches(String givenUser, String givenPassword) {
        if (givenUser == null || givenPassword == null) {
            return false;
        }
        boolean userOk = MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
                givenUser.trim().getBytes(StandardCharsets.UTF_8));
        // hash even for a wrong user name so timing does not tell which part was wrong
        boolean passwordOk = Password.check(givenPassword, storedHash()).with(Argon2id.FUNCTION);
        return userOk && passwordOk;
    }

    private String storedHash() {
        try {
            return passwordHash.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Waits until the password is hashed and, on a first start, its file written. */
    void awaitReady() {
        storedHash();
    }

    public String user() {
        return user;
    }

    /** The password generated on this start, to be printed once; empty on later starts. */
    public Optional<String> generatedPassword() {
        return generatedPassword;
    }
}
