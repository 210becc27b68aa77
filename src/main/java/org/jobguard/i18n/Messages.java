package org.jobguard.i18n;

import org.jobguard.checker.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * All user-facing text, one {@code messages_<tag>.properties} file (UTF-8) per language.
 * Placeholders are {@code {name}}; no MessageFormat, so apostrophes need no escaping. A text that counts
 * something is an ICU message instead ({@code {count, plural, one {# message} other {# messages}}}), read with
 * {@link #counted}, so that each language says "1 message" and "2 messages" its own way.
 */
public final class Messages {
    private final Map<Language, Properties> byLanguage;

    private Messages(Map<Language, Properties> byLanguage) {
        this.byLanguage = byLanguage;
    }

    public static String fileName(Language language) {
        return "messages_" + language.tag().replace('-', '_') + ".properties";
    }

    /** Loads from a directory such as {@code messages/}. */
    public static Messages load(Path dir) {
        Map<Language, Properties> map = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            Path file = dir.resolve(fileName(l));
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                Properties p = new Properties();
                p.load(r);
                map.put(l, p);
            } catch (IOException | IllegalArgumentException e) {
                throw new MessagesException(file + ": cannot read messages: " + e.getMessage());
            }
        }
        return new Messages(map);
    }

    /** Loads the copy bundled in the jar under {@code jobguard/messages/}. */
    public static Messages loadBundled() {
        Map<Language, Properties> map = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            String res = "jobguard/messages/" + fileName(l);
            try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(res)) {
                if (in == null) {
                    throw new MessagesException("classpath:" + res + ": missing");
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                map.put(l, p);
            } catch (IOException e) {
                throw new MessagesException("classpath:" + res + ": " + e.getMessage());
            }
        }
        return new Messages(map);
    }

    /** The text for a key; a missing key shows as the key itself rather than failing a reply. */
    public String get(Language language, String key) {
        String v = byLanguage.get(language).getProperty(key);
        if (v == null) {
            v = byLanguage.get(Language.EN).getProperty(key, key);
        }
        return v;
    }

    /** The text with {@code {name}} placeholders replaced; arguments alternate name, value. */
    public String format(Language language, String key, Object... nameValuePairs) {
        return fill(get(language, key), nameValuePairs);
    }

    /** {@code text} with its {@code {name}} placeholders replaced; arguments alternate name, value. */
    public static String fill(String text, Object... nameValuePairs) {
        String filled = text;
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            filled = filled.replace("{" + nameValuePairs[i] + "}", String.valueOf(nameValuePairs[i + 1]));
        }
        return filled;
    }

    /**
     * An ICU message ({@code plural}, {@code select}, {@code #}) with its named arguments filled in the language's
     * plural rules; arguments alternate name, value. Only texts written as ICU messages may be read this way: in
     * them an apostrophe before a brace quotes it.
     */
    public String counted(Language language, String key, Object... nameValuePairs) {
        Map<String, Object> args = new java.util.HashMap<>();
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            args.put(String.valueOf(nameValuePairs[i]), nameValuePairs[i + 1]);
        }
        return new com.ibm.icu.text.MessageFormat(get(language, key), com.ibm.icu.util.ULocale.forLanguageTag(
                language.tag())).format(args);
    }

    public boolean has(Language language, String key) {
        return byLanguage.get(language).containsKey(key);
    }

    public Set<String> keys(Language language) {
        Set<String> keys = new TreeSet<>();
        byLanguage.get(language).stringPropertyNames().forEach(keys::add);
        return keys;
    }

    public static final class MessagesException extends RuntimeException {
        public MessagesException(String message) {
            super(message);
        }
    }
}
