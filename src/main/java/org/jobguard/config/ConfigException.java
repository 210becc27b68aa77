package org.jobguard.config;

/** A configuration file that cannot be used; the message names the file, the line and the reason. */
public class ConfigException extends RuntimeException {
    private final String file;
    private final int line;
    private final String reason;

    public ConfigException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
