package org.jobguard.picture;

import java.util.Objects;

/**
 * What reading one picture gave. Only {@link Outcome#READ} carries text; every other outcome says why there is none,
 * so that the person can be told what to do instead (send the text, try again, send a JPEG).
 *
 * @param text   the recognised text, trimmed; empty unless {@code READ}
 * @param millis time spent reading (decoding, preparing and recognising), for the eval and the logs
 */
public record PictureText(Outcome outcome, String text, long millis) {
    public enum Outcome {
        /** text was recognised */
        READ,
        /** the picture was read but holds no text that could be recognised */
        NO_TEXT,
        /** not a JPEG, PNG or WebP picture (by its bytes, whatever its name or type says) */
        UNSUPPORTED,
        /** broken, or more pixels than a phone screenshot or a poster photo has */
        BROKEN,
        /** larger than the byte limit */
        TOO_LARGE,
        /** every reader is busy and the queue is full */
        BUSY,
        /** reading took longer than the per-picture limit */
        TIMED_OUT,
        /** the service reads no pictures: Tesseract or its language data is missing */
        UNAVAILABLE
    }

    public PictureText {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(text, "text");
    }

    static PictureText of(Outcome outcome, long millis) {
        return new PictureText(outcome, "", millis);
    }

    public boolean read() {
        return outcome == Outcome.READ;
    }

    /** Never prints the text: it may carry the phone numbers and names of strangers. */
    @Override
    public String toString() {
        return "PictureText[" + outcome + ", " + text.length() + " chars, " + millis + " ms]";
    }
}
