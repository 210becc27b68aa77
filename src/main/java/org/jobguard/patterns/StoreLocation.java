package org.jobguard.patterns;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** Where the pattern store lives: an embedded SQLite file (the default) or a PostgreSQL database shared by instances. */
public sealed interface StoreLocation {
    /** For logs and error messages: never a password. */
    String describe();

    record SqliteFile(Path file) implements StoreLocation {
        @Override
        public String describe() {
            return file.toAbsolutePath().toString();
        }
    }

    /**
     * @param jdbcUrl  {@code jdbc:postgresql://host:port/database?options}, without the user's credentials
     * @param password empty when the server needs none or the driver finds it elsewhere ({@code ~/.pgpass})
     */
    record Postgres(String jdbcUrl, String user, Optional<String> password, String describe) implements StoreLocation {
        @Override
        public String toString() {
            return "Postgres[" + describe + "]";
        }
    }

    /**
     * {@code JOBGUARD_DATABASE_URL} as libpq and most hosting panels write it:
     * {@code postgresql://user:password@host:port/database?sslmode=require} ({@code postgres://} too). The user and
     * password are percent-decoded; query options (sslmode, ...) go to the JDBC driver unchanged.
     *
     * @throws IllegalArgumentException saying what is wrong, without repeating a password
     */
    public static Postgres postgres(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL (" + e.getReason() + "); expected postgresql://user:password@host:5432/database");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("postgresql") || scheme.equals("postgres"))) {
            throw new IllegalArgumentException("must start with postgresql:// (SQLite is used when the variable is unset), got "
                    + (scheme == null ? "no scheme" : scheme + "://"));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("needs a host: postgresql://user:password@host:5432/database");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (path.isEmpty() || path.contains("/")) {
            throw new IllegalArgumentException("needs one database name after the host: postgresql://user:password@host:5432/database");
        }
        String user = "";
        Optional<String> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            if (parts.length == 2) {
                password = Optional.of(decode(parts[1]));
            }
        }
        if (user.isEmpty()) {
            throw new IllegalArgumentException("needs a user: postgresql://user:password@host:5432/database");
        }
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String database = decode(path);
        return new Postgres("jdbc:postgresql://" + host + ":" + port + "/" + path + query, user, password,
                "postgresql://" + user + "@" + host + ":" + port + "/" + database);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
