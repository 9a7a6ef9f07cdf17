package io.monago.atrium.guard.pii.scan;

import io.monago.atrium.guard.pii.entity.PiiFinding;
import io.monago.atrium.guard.pii.text.FoldedText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Values written in base64 or hex ({@code MzIwMTIzNDU2Nzg5MDEyMw==}, {@code 3332303132...}): a
 * model decodes them without being asked, so the scanner does too. A token that decodes to readable
 * text is read again, decoded, with the words around it as context, by the same recognisers; a value
 * found there is reported over the whole token.
 *
 * <p>Bounded: tokens of {@value #MIN_CHARS} to {@value #MAX_CHARS} characters, at most
 * {@value #MAX_TOKENS} decodes per text, one level deep. Random ids and hashes decode to bytes that
 * are not text and are left alone.
 */
final class EncodedValues {
    /** Shorter tokens hold no value worth encoding: base64 of eight bytes is twelve characters. */
    static final int MIN_CHARS = 12;

    private static final int MAX_CHARS = 4_096;
    private static final int MAX_TOKENS = 32;
    /** How much of the text on each side of a token is read with its decoded form, as context. */
    private static final int BEFORE = ContextTracker.BEFORE;

    private static final int AFTER = 32;

    private EncodedValues() {}

    /**
     * Adds the values written in base64 or hex to what the main pass found.
     *
     * @param engine the engine, to read each decoded token with
     * @param original the scanned text
     * @param folded its folded copy
     * @param found the findings so far, in text order
     * @return {@code found}, or a new list with the encoded values that overlap none of them
     */
    static List<PiiFinding> addTo(ScanEngine engine, CharSequence original, char[] folded, List<PiiFinding> found) {
        List<PiiFinding> added = null;
        int n = folded.length;
        int decoded = 0;
        int next = 0; // the first finding that may overlap a token from here on
        int i = 0;
        while (i < n && decoded < MAX_TOKENS) {
            if (!isTokenChar(folded[i])) {
                i++;
                continue;
            }
            int s = i;
            while (i < n && isTokenChar(folded[i])) {
                i++;
            }
            int e = i;
            while (i < n && i - e < 2 && folded[i] == '=') {
                i++;
            }
            int padded = i;
            while (next < found.size() && found.get(next).end() <= s) {
                next++;
            }
            if (padded - s < MIN_CHARS
                    || padded - s > MAX_CHARS
                    || (next < found.size() && found.get(next).start() < padded)) {
                continue;
            }
            Optional<Decoded> text = decode(folded, s, e, padded);
            if (text.isEmpty()) {
                continue;
            }
            decoded++;
            Optional<PiiFinding> value = read(engine, original, s, padded, text.get());
            if (value.isPresent()) {
                added = added == null ? new ArrayList<>() : added;
                added.add(value.get());
            }
        }
        if (added == null) {
            return found;
        }
        List<PiiFinding> all = new ArrayList<>(found);
        all.addAll(added);
        all.sort(Comparator.comparingInt(PiiFinding::start));
        return List.copyOf(all);
    }

    private record Decoded(String text, String encoding) {}

    /** Reads the decoded token with the text around it; the first value inside it names the token. */
    private static Optional<PiiFinding> read(ScanEngine engine, CharSequence original, int s, int e, Decoded decoded) {
        int from = lineStart(original, s, Math.max(0, s - BEFORE));
        int to = lineEnd(original, e, Math.min(original.length(), e + AFTER));
        String synthetic = original.subSequence(from, s) + " " + decoded.text() + " " + original.subSequence(e, to);
        int valueStart = s - from + 1;
        int valueEnd = valueStart + decoded.text().length();
        for (PiiFinding f : new ScanPass(engine, synthetic, FoldedText.fold(synthetic)).run()) {
            if (f.start() >= valueStart && f.end() <= valueEnd) {
                return Optional.of(new PiiFinding(f.type(), s, e, f.confidence(), f.rule() + "." + decoded.encoding()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Decoded> decode(char[] t, int s, int e, int padded) {
        if (padded == e && isHex(t, s, e)) {
            return text(hex(t, s, e)).map(text -> new Decoded(text, "hex"));
        }
        return base64(t, s, e, padded).flatMap(EncodedValues::text).map(text -> new Decoded(text, "base64"));
    }

    private static boolean isHex(char[] t, int s, int e) {
        if ((e - s) % 2 != 0) {
            return false;
        }
        for (int i = s; i < e; i++) {
            if (Character.digit(t[i], 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] hex(char[] t, int s, int e) {
        byte[] out = new byte[(e - s) / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (Character.digit(t[s + 2 * i], 16) << 4 | Character.digit(t[s + 2 * i + 1], 16));
        }
        return out;
    }

    /** Standard or URL-safe base64, padded or not; one alphabet per token. */
    private static Optional<byte[]> base64(char[] t, int s, int e, int padded) {
        boolean standard = false;
        boolean urlSafe = false;
        for (int i = s; i < e; i++) {
            char c = t[i];
            standard |= c == '+' || c == '/';
            urlSafe |= c == '-' || c == '_';
        }
        if (standard && urlSafe) {
            return Optional.empty();
        }
        int length = e - s;
        if (length % 4 == 1 || (padded > e && (padded - s) % 4 != 0)) {
            return Optional.empty();
        }
        byte[] out = new byte[length * 3 / 4];
        int bits = 0;
        int held = 0;
        int o = 0;
        for (int i = s; i < e; i++) {
            int v = sextet(t[i]);
            if (v < 0) {
                return Optional.empty();
            }
            bits = bits << 6 | v;
            held += 6;
            if (held >= 8) {
                held -= 8;
                out[o++] = (byte) (bits >> held);
                bits &= (1 << held) - 1;
            }
        }
        return Optional.of(o == out.length ? out : Arrays.copyOf(out, o));
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' || c == '-' ? 62 : c == '/' || c == '_' ? 63 : -1;
    }

    /**
     * The bytes as text, if they are: valid UTF-8 with no control characters, and holding a digit
     * or an {@code @} (every value the scanner finds has one or the other).
     */
    private static Optional<String> text(byte[] bytes) {
        if (bytes.length == 0) {
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notText) {
            return Optional.empty();
        }
        boolean digitOrAt = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                return Optional.empty();
            }
            digitOrAt |= (c >= '0' && c <= '9') || c == '@';
        }
        return digitOrAt ? Optional.of(text) : Optional.empty();
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '+'
                || c == '/'
                || c == '-'
                || c == '_';
    }

    private static int lineStart(CharSequence text, int at, int floor) {
        for (int i = at - 1; i >= floor; i--) {
            if (text.charAt(i) == '\n') {
                return i + 1;
            }
        }
        return floor;
    }

    private static int lineEnd(CharSequence text, int at, int ceiling) {
        for (int i = at; i < ceiling; i++) {
            if (text.charAt(i) == '\n') {
                return i;
            }
        }
        return ceiling;
    }
}
