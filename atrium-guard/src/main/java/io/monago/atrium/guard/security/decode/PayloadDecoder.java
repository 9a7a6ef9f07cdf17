package io.monago.atrium.guard.security.decode;

import io.monago.atrium.guard.security.text.NormalizedText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Finds runs of base64, hex and percent-encoding in a text and decodes them, within a
 * {@link DecodeBudget}: each run is decoded from its start for at most {@code maxBytesPerPayload}
 * bytes, so a megabyte of base64 costs one bounded decode. Only results that read as text are
 * returned (an image or a hash decodes to noise and is dropped). Finding runs is one linear pass.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * PayloadDecoder decoder = new PayloadDecoder(4096);
 * for (DecodedPayload p : decoder.decode(text, budget)) {
 *     rescan(p.text());
 * }
 * }</pre>
 */
public final class PayloadDecoder {
    private static final int MIN_BASE64 = 16;
    private static final int MIN_HEX_DIGITS = 16;
    private static final int MIN_ESCAPES = 4;
    /** The shortest token that can hold a decodable run by itself: 16 base64 or hex chars, four {@code \\x} escapes. */
    private static final int MIN_RUN = 16;

    private static final double MIN_TEXT_RATIO = 0.85;
    /** Standard and URL-safe base64 characters, as bit sets over ASCII codes. */
    private static final long BASE64_LOW = alphabetBits(0);

    private static final long BASE64_HIGH = alphabetBits(64);

    private static final boolean[] HEX = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            HEX[c] = Character.digit(c, 16) >= 0;
        }
    }

    private final int maxBytesPerPayload;

    /**
     * Creates a decoder.
     *
     * @param maxBytesPerPayload the most bytes decoded from one run
     */
    public PayloadDecoder(int maxBytesPerPayload) {
        if (maxBytesPerPayload < 0) {
            throw new IllegalArgumentException("maxBytesPerPayload must not be negative: " + maxBytesPerPayload);
        }
        this.maxBytesPerPayload = maxBytesPerPayload;
    }

    /**
     * Decodes the base64, hex and percent-encoded runs of a text.
     *
     * @param text the raw text (case matters: do not fold it first)
     * @param budget what may still be decoded; spent by this call
     * @return the payloads that read as text, in text order
     */
    public List<DecodedPayload> decode(String text, DecodeBudget budget) {
        List<DecodedPayload> payloads = new ArrayList<>();
        scan(text, 0, text.length(), budget, payloads);
        return payloads;
    }

    /**
     * Decodes like {@link #decode(String, DecodeBudget)}, with the same result, but scans only the
     * whitespace tokens that could start an encoded run: tokens of at least {@value #MIN_RUN}
     * chars, tokens holding a {@code %}, and chains of tokens made of hex pairs ({@code 69 67 6e
     * ...}). Ordinary words are skipped whole, so prose costs a few checks per token.
     *
     * @param text the raw text
     * @param tokens its normalised form, for the raw token boundaries
     * @param budget what may still be decoded; spent by this call
     * @return the payloads that read as text, in text order
     */
    public List<DecodedPayload> decode(String text, NormalizedText tokens, DecodeBudget budget) {
        List<DecodedPayload> payloads = new ArrayList<>(0);
        int scanned = 0;
        int percent = text.indexOf('%');
        int chainStart = -1;
        int chainPairs = 0;
        int count = tokens.rawTokenCount();
        for (int t = 0; t < count && !budget.exhausted(); t++) {
            int start = tokens.rawTokenStart(t);
            int end = tokens.rawTokenEnd(t);
            while (percent >= 0 && percent < start) {
                percent = text.indexOf('%', percent + 1);
            }
            int regionStart = -1;
            if (end - start >= MIN_RUN || (percent >= 0 && percent < end)) {
                regionStart = start;
            }
            // Spaced hex pairs run across tokens: the tail of one, whole tokens of pairs, the head of another.
            int lead = leadingPairs(text, start, end);
            boolean whole = lead > 0 && start + 3 * lead - 1 >= end;
            if (chainStart >= 0 && chainPairs + lead >= MIN_HEX_DIGITS / 2) {
                regionStart = tokens.rawTokenStart(chainStart);
            }
            if (whole && chainStart >= 0) {
                chainPairs += lead;
            } else {
                int trail = whole ? lead : trailingPairs(text, start, end);
                chainStart = trail > 0 ? t : -1;
                chainPairs = trail;
            }
            if (regionStart >= 0 && end > scanned) {
                scanned = scan(text, Math.max(scanned, regionStart), end, budget, payloads);
            }
        }
        return payloads;
    }

    /** Hex pairs at the start of a token, each followed by ',' or ':' or the token's end. */
    private static int leadingPairs(String text, int start, int end) {
        int pairs = 0;
        for (int i = start; i + 1 < end && isHex(text.charAt(i)) && isHex(text.charAt(i + 1)); i += 3) {
            if (i + 2 < end && text.charAt(i + 2) != ',' && text.charAt(i + 2) != ':') {
                break;
            }
            pairs++;
        }
        return pairs;
    }

    /** Hex pairs at the end of a token, each after ',' or ':' but the first. */
    private static int trailingPairs(String text, int start, int end) {
        int pairs = 0;
        for (int i = end - 2; i >= start && isHex(text.charAt(i)) && isHex(text.charAt(i + 1)); i -= 3) {
            pairs++;
            if (i - 1 < start || (text.charAt(i - 1) != ',' && text.charAt(i - 1) != ':')) {
                break;
            }
        }
        return pairs;
    }

    private static boolean isHex(char c) {
        return c < 128 && HEX[c];
    }

    /**
     * The scan of {@link #decode(String, DecodeBudget)} from {@code from}, starting runs before
     * {@code to} (a run may go on past it).
     *
     * @return where the scan stopped: at or after {@code to}, or where the budget ran out
     */
    private int scan(String text, int from, int to, DecodeBudget budget, List<DecodedPayload> payloads) {
        int n = text.length();
        int i = from;
        while (i < to && !budget.exhausted()) {
            char c = text.charAt(i);
            if (c == '%' && isPercentEscape(text, i)) {
                i = percentRun(text, i, budget, payloads);
            } else if (c == '\\' && i + 1 < n && text.charAt(i + 1) == 'x') {
                i = escapedHexRun(text, i, budget, payloads);
            } else if (isBase64Char(c)) {
                i = alphanumericRun(text, i, budget, payloads);
            } else {
                i++;
            }
        }
        return i;
    }

    /**
     * Rotates letters by 13 places, as a payload, if the budget allows.
     *
     * @param text the text to rotate
     * @param budget what may still be decoded
     * @return the rotated text, empty when the budget is spent
     */
    public Optional<DecodedPayload> rot13(String text, DecodeBudget budget) {
        int granted = budget.reserve(Math.min(text.length(), maxBytesPerPayload));
        if (granted == 0) {
            return Optional.empty();
        }
        budget.spend(granted);
        return Optional.of(new DecodedPayload(Encoding.ROT13, rot13(text.substring(0, granted))));
    }

    /**
     * Wraps the ASCII spelled by Unicode tag characters as a payload, if the budget allows.
     *
     * @param tagText the text the tag characters spell
     * @param budget what may still be decoded
     * @return the payload, empty when the budget is spent or the text is empty
     */
    public Optional<DecodedPayload> tags(String tagText, DecodeBudget budget) {
        if (tagText.isEmpty()) {
            return Optional.empty();
        }
        int granted = budget.reserve(Math.min(tagText.length(), maxBytesPerPayload));
        if (granted == 0) {
            return Optional.empty();
        }
        budget.spend(granted);
        return Optional.of(new DecodedPayload(Encoding.UNICODE_TAGS, tagText.substring(0, granted)));
    }

    /**
     * Rotates every ASCII letter of a text by 13 places.
     *
     * @param text any text
     * @return the rotated text
     */
    public static String rot13(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = rot13(chars[i]);
        }
        return new String(chars);
    }

    /**
     * Rotates one letter by 13 places.
     *
     * @param c a character
     * @return the rotated letter, or {@code c} when it is not an ASCII letter
     */
    public static char rot13(char c) {
        if (c >= 'a' && c <= 'z') {
            return (char) ('a' + (c - 'a' + 13) % 26);
        }
        if (c >= 'A' && c <= 'Z') {
            return (char) ('A' + (c - 'A' + 13) % 26);
        }
        return c;
    }

    /** A run of base64 (or hex) characters: decoded as hex when it is hex, else as base64. */
    private int alphanumericRun(String text, int start, DecodeBudget budget, List<DecodedPayload> out) {
        int n = text.length();
        int end = start;
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean nonHex = false;
        boolean urlSafe = false;
        boolean symbol = false;
        while (end < n && isBase64Char(text.charAt(end))) {
            char c = text.charAt(end);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
            nonHex |= Character.digit(c, 16) < 0;
            urlSafe |= c == '-' || c == '_';
            symbol |= c == '+' || c == '/';
            end++;
        }
        int padded = end;
        while (padded < n && padded - end < 2 && text.charAt(padded) == '=') {
            padded++;
        }
        int length = end - start;
        // Split at a space-separated hex byte run ("69 67 6e ...") before trying base64.
        if (length == 2 && !nonHex) {
            return spacedHexRun(text, start, budget, out);
        }
        if (!nonHex
                && !urlSafe
                && !symbol
                && length >= MIN_HEX_DIGITS
                && length % 2 == 0
                && digit
                && (upper || lower)) {
            decodeHex(text, start, end, budget, out);
        } else if (length >= MIN_BASE64 && upper && lower && !looksLikePathOrWord(text, start, end)) {
            decodeBase64(
                    text.substring(start, Math.min(end, start + base64CharsFor(maxBytesPerPayload))),
                    urlSafe,
                    budget,
                    out);
        }
        return padded;
    }

    /** URLs and file paths are base64-alphabet too; a run with many '/' and lower-case words is one. */
    private static boolean looksLikePathOrWord(String text, int start, int end) {
        int slashes = 0;
        int dashes = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            slashes += c == '/' ? 1 : 0;
            dashes += c == '-' || c == '_' ? 1 : 0;
        }
        int length = end - start;
        return slashes * 12 > length || dashes * 8 > length;
    }

    private static int base64CharsFor(int bytes) {
        return (bytes + 2) / 3 * 4;
    }

    private void decodeBase64(String run, boolean urlSafe, DecodeBudget budget, List<DecodedPayload> out) {
        int usable = run.length() - run.length() % 4;
        if (run.length() % 4 >= 2) {
            usable = run.length(); // decodable with padding added below
        }
        int granted = budget.reserve(usable * 3 / 4);
        if (granted == 0) {
            return;
        }
        int chars = Math.min(usable, base64CharsFor(granted));
        String body = run.substring(0, chars);
        int rest = body.length() % 4;
        if (rest == 1) {
            body = body.substring(0, body.length() - 1);
        } else if (rest > 1) {
            body = body + "==".substring(0, 4 - rest);
        }
        byte[] bytes;
        try {
            bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(body);
        } catch (IllegalArgumentException e) {
            return; // not base64 after all
        }
        budget.spend(bytes.length);
        asText(bytes).ifPresent(decoded -> out.add(new DecodedPayload(Encoding.BASE64, decoded)));
    }

    private void decodeHex(String text, int start, int end, DecodeBudget budget, List<DecodedPayload> out) {
        int granted = budget.reserve((end - start) / 2);
        if (granted == 0) {
            return;
        }
        int count = Math.min(granted, Math.min(maxBytesPerPayload, (end - start) / 2));
        byte[] bytes = new byte[count];
        for (int k = 0; k < count; k++) {
            bytes[k] = (byte) (Character.digit(text.charAt(start + 2 * k), 16) * 16
                    + Character.digit(text.charAt(start + 2 * k + 1), 16));
        }
        budget.spend(count);
        asText(bytes).ifPresent(decoded -> out.add(new DecodedPayload(Encoding.HEX, decoded)));
    }

    /** "69 67 6e 6f 72 65": two-digit hex bytes separated by one space, comma or colon. */
    private int spacedHexRun(String text, int start, DecodeBudget budget, List<DecodedPayload> out) {
        // Most two-letter words ("ke", "di", "be") do not start a run of eight separated hex pairs.
        int pairs = 0;
        for (int i = start; pairs < MIN_HEX_DIGITS / 2 && i + 1 < text.length(); i += 3) {
            boolean pair = Character.digit(text.charAt(i), 16) >= 0
                    && Character.digit(text.charAt(i + 1), 16) >= 0
                    && (i + 2 == text.length() || ", :".indexOf(text.charAt(i + 2)) >= 0);
            if (!pair) {
                break;
            }
            pairs++;
        }
        if (pairs < MIN_HEX_DIGITS / 2) {
            return start + 2;
        }
        StringBuilder digits = new StringBuilder();
        int i = start;
        int n = text.length();
        while (i + 1 < n
                && Character.digit(text.charAt(i), 16) >= 0
                && Character.digit(text.charAt(i + 1), 16) >= 0
                && (i + 2 == n || !isBase64Char(text.charAt(i + 2)))) {
            digits.append(text, i, i + 2);
            i += 2;
            if (i < n && (text.charAt(i) == ' ' || text.charAt(i) == ',' || text.charAt(i) == ':')) {
                i++;
            } else {
                break;
            }
        }
        if (digits.length() >= MIN_HEX_DIGITS) {
            decodeHex(digits.toString(), 0, digits.length(), budget, out);
            return i;
        }
        return start + 2;
    }

    /** "\x69\x67\x6e": escaped hex bytes. */
    private int escapedHexRun(String text, int start, DecodeBudget budget, List<DecodedPayload> out) {
        StringBuilder digits = new StringBuilder();
        int i = start;
        int n = text.length();
        while (i + 3 < n
                && text.charAt(i) == '\\'
                && text.charAt(i + 1) == 'x'
                && Character.digit(text.charAt(i + 2), 16) >= 0
                && Character.digit(text.charAt(i + 3), 16) >= 0) {
            digits.append(text, i + 2, i + 4);
            i += 4;
        }
        if (digits.length() / 2 >= MIN_ESCAPES) {
            decodeHex(digits.toString(), 0, digits.length(), budget, out);
            return i;
        }
        return start + 2;
    }

    /** A run of text holding percent escapes, up to the next whitespace. */
    private int percentRun(String text, int start, DecodeBudget budget, List<DecodedPayload> out) {
        int n = text.length();
        int end = start;
        int escapes = 0;
        while (end < n && !Character.isWhitespace(text.charAt(end))) {
            if (isPercentEscape(text, end)) {
                escapes++;
                end += 3;
            } else {
                end++;
            }
        }
        if (escapes < MIN_ESCAPES) {
            return start + 1;
        }
        int granted = budget.reserve(Math.min(end - start, maxBytesPerPayload));
        if (granted == 0) {
            return end;
        }
        byte[] bytes = new byte[granted];
        int count = 0;
        for (int i = start; i < end && count < granted; ) {
            if (isPercentEscape(text, i)) {
                bytes[count++] =
                        (byte) (Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 3;
            } else {
                char c = text.charAt(i++);
                bytes[count++] = (byte) (c == '+' ? ' ' : c < 0x80 ? c : '?');
            }
        }
        budget.spend(count);
        byte[] exact = Arrays.copyOf(bytes, count);
        asText(exact).ifPresent(decoded -> out.add(new DecodedPayload(Encoding.URL, decoded)));
        return end;
    }

    private static boolean isPercentEscape(String text, int i) {
        return i + 2 < text.length()
                && text.charAt(i) == '%'
                && Character.digit(text.charAt(i + 1), 16) >= 0
                && Character.digit(text.charAt(i + 2), 16) >= 0;
    }

    private static boolean isBase64Char(char c) {
        return c < 64 ? (BASE64_LOW >>> c & 1) != 0 : c < 128 && (BASE64_HIGH >>> (c - 64) & 1) != 0;
    }

    /** A bit per ASCII code 0-63 (low) and 64-127 (high) of the alphabet. */
    private static long alphabetBits(int from) {
        long bits = 0;
        for (int c = from; c < from + 64; c++) {
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '+'
                    || c == '/'
                    || c == '-'
                    || c == '_') {
                bits |= 1L << (c - from);
            }
        }
        return bits;
    }

    /** UTF-8 text made mostly of letters, digits, spaces and punctuation; anything else is noise. */
    static Optional<String> asText(byte[] bytes) {
        // Malformed sequences become U+FFFD and count against the text (a run cut at the byte
        // budget may end inside a character: one replacement does not spoil it).
        String text = new String(bytes, StandardCharsets.UTF_8);
        int good = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                good++;
            } else if (Character.isDigit(c) || Character.isWhitespace(c) || (c >= 0x20 && c < 0x7F)) {
                good++;
            }
        }
        boolean readable = text.length() > 0 && good >= MIN_TEXT_RATIO * text.length() && letters >= 4;
        return readable ? Optional.of(text) : Optional.empty();
    }
}
