package io.monago.atrium.guard.fuzz;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A fuzz input read as text: UTF-8, so that a seed is a plain text file, plus two bytes that never
 * occur in UTF-8. {@code 0xFF} is followed by two bytes, one UTF-16 char big-endian, so every char is
 * reachable, lone surrogates included (text from JSON can hold them); {@code 0xFE} marks a cut
 * between two pieces, for targets that take text in pieces. Malformed UTF-8 becomes U+FFFD.
 *
 * @param text the text
 * @param cuts offsets into {@code text} where a piece ends, ascending, each in {@code [0, length]}
 */
record FuzzText(String text, List<Integer> cuts) {

    private static final int RAW_CHAR = 0xFF;
    private static final int CUT = 0xFE;

    FuzzText {
        cuts = List.copyOf(cuts);
    }

    static FuzzText decode(byte[] input) {
        StringBuilder text = new StringBuilder(input.length);
        List<Integer> cuts = new ArrayList<>();
        int runStart = 0;
        int i = 0;
        while (i < input.length) {
            int b = input[i] & 0xFF;
            if (b != RAW_CHAR && b != CUT) {
                i++;
                continue;
            }
            appendUtf8(input, runStart, i, text);
            if (b == CUT) {
                cuts.add(text.length());
                i++;
            } else {
                int hi = i + 1 < input.length ? input[i + 1] & 0xFF : 0;
                int lo = i + 2 < input.length ? input[i + 2] & 0xFF : 0;
                text.append((char) (hi << 8 | lo));
                i += 3;
            }
            runStart = Math.min(i, input.length);
        }
        appendUtf8(input, runStart, input.length, text);
        return new FuzzText(text.toString(), cuts);
    }

    /** The text cut at {@link #cuts()}, empty pieces included: a stream may deliver one. */
    List<String> pieces() {
        List<String> pieces = new ArrayList<>(cuts.size() + 1);
        int from = 0;
        for (int cut : cuts) {
            pieces.add(text.substring(from, cut));
            from = cut;
        }
        pieces.add(text.substring(from));
        return pieces;
    }

    private static void appendUtf8(byte[] input, int from, int to, StringBuilder out) {
        if (from >= to) {
            return;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars = CharBuffer.allocate(to - from);
        CoderResult result = decoder.decode(ByteBuffer.wrap(input, from, to - from), chars, true);
        if (!result.isUnderflow()) {
            throw new IllegalStateException("UTF-8 never decodes to more chars than bytes");
        }
        decoder.flush(chars);
        out.append(chars.flip());
    }
}
