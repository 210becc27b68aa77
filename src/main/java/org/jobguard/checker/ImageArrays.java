package org.jobguard.checker;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * How the arrays of the compiled rules image are stored: a length (-1 for null) and the elements, big-endian as
 * {@link DataOutputStream} writes them. Reading goes through a {@link ByteBuffer} over the whole image, which
 * copies an array in one call where a stream reads it element by element, slowly on a JVM that has compiled
 * nothing yet. Every length is checked against what is left before anything is allocated, so a damaged image ends
 * in an exception instead of a huge array.
 */
final class ImageArrays {
    private ImageArrays() {
    }

    static void write(DataOutputStream out, int[] values) throws IOException {
        if (values == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    static int[] readInts(ByteBuffer in) {
        int n = length(in, Integer.BYTES);
        if (n < 0) {
            return null;
        }
        int[] values = new int[n];
        in.asIntBuffer().get(values);
        in.position(in.position() + n * Integer.BYTES);
        return values;
    }

    static void write(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long v : values) {
            out.writeLong(v);
        }
    }

    static long[] readLongs(ByteBuffer in) {
        long[] values = new long[nonNullLength(in, Long.BYTES)];
        in.asLongBuffer().get(values);
        in.position(in.position() + values.length * Long.BYTES);
        return values;
    }

    static void write(DataOutputStream out, byte[] values) throws IOException {
        out.writeInt(values.length);
        out.write(values);
    }

    static byte[] readBytes(ByteBuffer in) {
        byte[] values = new byte[nonNullLength(in, 1)];
        in.get(values);
        return values;
    }

    static void write(DataOutputStream out, char[] values) throws IOException {
        out.writeInt(values.length);
        for (char c : values) {
            out.writeChar(c);
        }
    }

    static char[] readChars(ByteBuffer in) {
        char[] values = new char[nonNullLength(in, Character.BYTES)];
        in.asCharBuffer().get(values);
        in.position(in.position() + values.length * Character.BYTES);
        return values;
    }

    /** Rows as their lengths (-1 for a null row) and then every element in one run. */
    static void write(DataOutputStream out, int[][] rows) throws IOException {
        if (rows == null) {
            out.writeInt(-1);
            return;
        }
        int[] lengths = new int[rows.length];
        int total = 0;
        for (int r = 0; r < rows.length; r++) {
            lengths[r] = rows[r] == null ? -1 : rows[r].length;
            total += Math.max(lengths[r], 0);
        }
        int[] flat = new int[total];
        int at = 0;
        for (int[] row : rows) {
            if (row != null) {
                System.arraycopy(row, 0, flat, at, row.length);
                at += row.length;
            }
        }
        write(out, lengths);
        write(out, flat);
    }

    static int[][] readRows(ByteBuffer in) {
        int[] lengths = readInts(in);
        if (lengths == null) {
            return null;
        }
        int[] flat = readInts(in);
        int[][] rows = new int[lengths.length][];
        int at = 0;
        for (int r = 0; r < rows.length; r++) {
            if (lengths[r] >= 0) {
                rows[r] = java.util.Arrays.copyOfRange(flat, at, checkedEnd(at, lengths[r], flat.length));
                at += lengths[r];
            }
        }
        return rows;
    }

    /** Strings as their lengths and then every character in one run. */
    static void write(DataOutputStream out, String[] strings) throws IOException {
        if (strings == null) {
            out.writeInt(-1);
            return;
        }
        int[] lengths = new int[strings.length];
        StringBuilder all = new StringBuilder();
        for (int s = 0; s < strings.length; s++) {
            lengths[s] = strings[s].length();
            all.append(strings[s]);
        }
        write(out, lengths);
        write(out, all.toString().toCharArray());
    }

    static String[] readStrings(ByteBuffer in) {
        int[] lengths = readInts(in);
        if (lengths == null) {
            return null;
        }
        char[] all = readChars(in);
        String[] strings = new String[lengths.length];
        int at = 0;
        for (int s = 0; s < strings.length; s++) {
            strings[s] = new String(all, at, checkedEnd(at, lengths[s], all.length) - at);
            at += lengths[s];
        }
        return strings;
    }

    private static int checkedEnd(int at, int length, int limit) {
        if (length < 0 || at + length > limit) {
            throw new IllegalStateException("a row runs past its array");
        }
        return at + length;
    }

    private static int nonNullLength(ByteBuffer in, int width) {
        int n = length(in, width);
        if (n < 0) {
            throw new IllegalStateException("an array that is never null is null");
        }
        return n;
    }

    /** The length read at the buffer's position, -1 for null, checked against the bytes left. */
    private static int length(ByteBuffer in, int width) {
        int n = in.getInt();
        if (n < -1 || (long) Math.max(n, 0) * width > in.remaining()) {
            throw new IllegalStateException("an array of " + n + " elements does not fit in the image");
        }
        return n;
    }
}
