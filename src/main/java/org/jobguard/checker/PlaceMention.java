package org.jobguard.checker;

/**
 * A place named in a message.
 *
 * @param id        the entry's id
 * @param kind      the entry's kind
 * @param country   the entry's country code
 * @param start     first character of the name in the normalized text
 * @param end       one past its last character; {@link NormalizedText#originalSpan} maps the two to the original
 * @param ambiguous whether it was one of the entry's ambiguous names, counted because of the words around it
 */
public record PlaceMention(String id, PlaceKind kind, String country, int start, int end, boolean ambiguous) {
}
