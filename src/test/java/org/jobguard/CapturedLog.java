package org.jobguard;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The log of a test of an error path, kept instead of printed: the test asserts the lines it expects, and
 * {@code mvn verify} shows ERROR lines only when something went wrong. Tests run one at a time, so the console
 * is the root logger's to take away while one runs.
 */
public final class CapturedLog implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final List<Appender<ILoggingEvent>> printing = new ArrayList<>();

    private CapturedLog() {
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            printing.add(it.next());
        }
        printing.forEach(root::detachAppender);
        events.start();
        root.addAppender(events);
    }

    /** Captures every event from now until {@link #close()}, and prints none. */
    public static CapturedLog start() {
        return new CapturedLog();
    }

    /** The events so far. */
    public List<ILoggingEvent> events() {
        synchronized (events) {
            return List.copyOf(events.list);
        }
    }

    /** The events so far as "LEVEL logger - message" lines. */
    public List<String> lines() {
        return events().stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage())
                .toList();
    }

    /** The lines at ERROR. */
    public List<String> errors() {
        return events().stream().filter(e -> e.getLevel() == Level.ERROR)
                .map(e -> e.getLoggerName() + " - " + e.getFormattedMessage()).toList();
    }

    /** Whether an event at {@code level} says {@code part}. */
    public boolean has(Level level, String part) {
        return events().stream().anyMatch(e -> e.getLevel() == level && e.getFormattedMessage().contains(part));
    }

    @Override
    public void close() {
        root.detachAppender(events);
        printing.forEach(root::addAppender);
    }
}
