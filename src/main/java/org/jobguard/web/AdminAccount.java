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
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The one moderator login. Credentials come from the environment ({@code JOBGUARD_ADMIN_PASSWORD}, with
 * {@code JOBGUARD_ADMIN_USER} or the user {@code admin}) or, on the first local start, are generated, shown once and
 * kept only as an Argon2 hash in {@code <dataDir>/admin-credentials} (owner-only, like the HMAC secret).
 *
 * <p>A generated login is written only once the server listens ({@link #keep()}): written earlier, a first start
 * that failed (the port taken) left a file whose password nobody ever saw, and the operator was locked out for good.
 *
 * <p>Hashing a password costs about a second of a cold JVM's time, so it runs on its own thread while the service
 * starts; a login made before it finishes waits for it.
 */
public final class AdminAccount {
    static final String FILE_NAME = "admin-credentials";
    private static final String DEFAULT_USER = "admin";

    /** Where the login comes from, which decides what the start-up banner says about it. */
    public enum Origin {
        /** generated on this start: the banner shows it, once */
        GENERATED,
        /** generated on an earlier start and read from the file */
        STORED,
        /** JOBGUARD_ADMIN_PASSWORD */
        ENVIRONMENT
    }

    private final String user;
    private final CompletableFuture<String> passwordHash;
    private final Optional<String> generatedPassword;
    private final Origin origin;
    private final Path file;
    private volatile CompletableFuture<?> kept = CompletableFuture.completedFuture(null);

    private AdminAccount(String user, CompletableFuture<String> passwordHash, Optional<String> generatedPassword,
                         Origin origin, Path file) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.generatedPassword = generatedPassword;
        this.origin = origin;
        this.file = file;
    }

    public static AdminAccount load(WebSettings settings, SecureRandom random) {
        Path file = settings.dataDir().resolve(FILE_NAME);
        if (settings.adminPassword().isPresent()) {
            // the password alone is enough: setting it is also how a lost generated password is replaced
            String password = settings.adminPassword().get();
            return new AdminAccount(settings.adminUser().orElse(DEFAULT_USER), inBackground(() -> hash(password)),
                    Optional.empty(), Origin.ENVIRONMENT, file);
        }
        try {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() < 2 || lines.get(0).isBlank() || !lines.get(1).startsWith("$argon2")) {
                    throw new IllegalStateException(file + ":1: expected a user name line and an Argon2 hash line;"
                            + " delete the file to generate new credentials");
                }
                ownerOnly(file);
                return new AdminAccount(lines.get(0).trim(), CompletableFuture.completedFuture(lines.get(1).trim()),
                        Optional.empty(), Origin.STORED, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read admin credentials: " + e.getMessage(), e);
        }
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new AdminAccount(settings.adminUser().orElse(DEFAULT_USER), inBackground(() -> hash(password)),
                Optional.of(password), Origin.GENERATED, file);
    }

    /**
     * Called once the server listens: a login generated on this start is written (when hashed) and so will be
     * shown now. A crash before the file is written only means new credentials on the next start.
     */
    void keep() {
        if (origin != Origin.GENERATED) {
            return;
        }
        kept = passwordHash.thenAccept(hash -> {
            try {
                Files.createDirectories(file.getParent());
                write(file, user + "\n" + hash + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot write admin credentials: " + e.getMessage(), e);
            }
        });
    }

    /** Created readable by its owner only: the hash is not the password, but it lets a copy be guessed at offline. */
    private static void write(Path file, String content) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
        } else {
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        }
    }

    /** A file an earlier version wrote readable by all is made owner-only. */
    private static void ownerOnly(Path file) throws IOException {
        org.jobguard.config.PrivateFiles.restrict(file, "rw-------");
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

    /** Waits until the password is hashed and, on a first start that listened, its file written. */
    void awaitReady() {
        storedHash();
        try {
            kept.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    public Origin origin() {
        return origin;
    }

    public String user() {
        return user;
    }

    /** The password generated on this start, to be printed once; empty on later starts. */
    public Optional<String> generatedPassword() {
        return generatedPassword;
    }
}
