package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.check.SecretStrength;
import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Match;
import io.monago.atrium.guard.pii.text.CharClass;
import java.util.Optional;

/**
 * Secrets without a prefix, found after a word that announces one: {@code password},
 * {@code kata sandi}, {@code token}, {@code secret}, {@code API key}, {@code credentials},
 * {@code bearer}... The scanner calls it when it meets such a word; it looks at most a few words
 * ahead, so a text full of the word {@code password} stays linear.
 *
 * <ul>
 *   <li>{@code secret.assignment}: after a connector ({@code :}, {@code =}, {@code is},
 *       {@code adalah}), possibly a few words later ({@code password akun saya: ...}), a value of 6+
 *       characters mixing at least two of lower case, upper case, digits and symbols
 *       ({@code hunter2}, {@code Rahasia#2024}); 0.9. Without a connector the value must look
 *       random: 8+ characters of three classes, or 16+ characters of two classes with Shannon
 *       entropy of at least 3.5 bits per character, and not a version ({@code v10.2.3.4}); 0.8.
 * </ul>
 * Placeholders ({@code <password>}, {@code ${DB_PASSWORD}}, {@code ****}, {@code [REDACTED]}) are
 * not secrets; a PEM block after the word is left to {@link PemBlockRecognizer}. The span covers the value only, so {@code password: [SECRET_1]} still reads well.
 */
public final class SecretAssignmentRecognizer {
    private static final int MAX_NAME_REST = 32;
    private static final int MAX_VALUE = 256;
    private static final int MAX_FILLER_WORDS = 3;

    /**
     * Looks for a secret value after a trigger word.
     *
     * @param t folded text
     * @param wordEnd index after the trigger word
     * @return the value, or empty
     */
    public Optional<Match> afterTrigger(char[] t, int wordEnd) {
        int n = t.length;
        int p = wordEnd;
        // The rest of an identifier: "password_hash", "api_token", "secretKey".
        while (p < n && p - wordEnd < MAX_NAME_REST && (CharClass.isAlnum(t[p]) || t[p] == '_' || t[p] == '-')) {
            p++;
        }
        if (p < n && (t[p] == '"' || t[p] == '\'')) {
            p++;
        }
        int q = skipSpaces(t, p);
        boolean connected = false;
        for (int words = 0; words <= MAX_FILLER_WORDS; words++) {
            int c = connector(t, q);
            if (c >= 0) {
                connected = true;
                q = skipSpaces(t, c);
                break;
            }
            int w = q;
            while (w < n && CharClass.isAsciiLetter(t[w]) && w - q <= 12) {
                w++;
            }
            boolean filler = w > q && (w >= n || t[w] == ' ' || t[w] == ':' || t[w] == '=');
            if (!filler || words == MAX_FILLER_WORDS) {
                break; // the value itself, after "password" or a few words such as "lama saya"
            }
            q = skipSpaces(t, w);
        }
        int vs = skipQuotes(t, q);
        int ve = vs;
        while (ve < n
                && ve - vs < MAX_VALUE
                && t[ve] > ' '
                && t[ve] != '"'
                && t[ve] != '\''
                && t[ve] != '`'
                && t[ve] != ','
                && t[ve] != ';') {
            ve++;
        }
        if (ve > vs && (t[ve - 1] == '.' || t[ve - 1] == ')') && (ve == n || t[ve] <= ' ')) {
            ve--; // the end of the sentence, not of the value
        }
        if (ve - vs >= MAX_VALUE || placeholder(t, vs, ve)) {
            return Optional.empty();
        }
        int len = ve - vs;
        int classes = SecretStrength.count(SecretStrength.classes(t, vs, ve));
        boolean secret = connected
                ? len >= 6 && classes >= 2
                : len >= 8
                        && !versionShaped(t, vs, ve)
                        && (classes >= 3 || (len >= 16 && classes >= 2 && SecretStrength.entropy(t, vs, ve) >= 3.5));
        if (!secret) {
            return Optional.empty();
        }
        return Optional.of(new Match(EntityType.SECRET, vs, ve, connected ? 0.9 : 0.8, "secret.assignment"));
    }

    /**
     * {@code v10.2.3.4} or {@code 2.14.0}: after "pin the driver to" it is a version. Only a value
     * without a connector is read this way; {@code password: v1.2.3} stays a secret.
     */
    private static boolean versionShaped(char[] t, int vs, int ve) {
        int p = vs < ve && (t[vs] == 'v' || t[vs] == 'V') ? vs + 1 : vs;
        boolean dot = false;
        boolean digitBefore = false;
        for (int i = p; i < ve; i++) {
            if (CharClass.isDigit(t[i])) {
                digitBefore = true;
            } else if (t[i] == '.' && digitBefore) {
                dot = true;
                digitBefore = false;
            } else {
                return false;
            }
        }
        return dot && digitBefore;
    }

    private static int skipSpaces(char[] t, int p) {
        int k = 0;
        while (p < t.length && t[p] == ' ' && k++ < 3) {
            p++;
        }
        return p;
    }

    private static int skipQuotes(char[] t, int p) {
        while (p < t.length && (t[p] == '"' || t[p] == '\'' || t[p] == '`')) {
            p++;
        }
        return p;
    }

    /** Returns the index after a connector at {@code p}, or -1. */
    private static int connector(char[] t, int p) {
        int n = t.length;
        if (p >= n) {
            return -1;
        }
        if (t[p] == ':' || t[p] == '=') {
            int q = p + 1;
            if (q < n && (t[q] == '=' || t[q] == '>')) {
                q++;
            }
            return q;
        }
        for (String word : new String[] {"is", "adalah", "ialah", "yaitu"}) {
            int q = p + word.length();
            if (q < n && t[q] == ' ' && lowerEquals(t, p, word)) {
                return q;
            }
        }
        return -1;
    }

    private static boolean lowerEquals(char[] t, int p, String word) {
        for (int i = 0; i < word.length(); i++) {
            if ((t[p + i] | 0x20) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean placeholder(char[] t, int vs, int ve) {
        if (ve <= vs) {
            return true;
        }
        char first = t[vs];
        // "-----BEGIN ... KEY-----" is left to the PEM recogniser, which takes the whole block.
        if (first == '<'
                || first == '$'
                || first == '{'
                || first == '['
                || first == '%'
                || first == '('
                || first == '-') {
            return true;
        }
        for (int i = vs; i < ve; i++) {
            if (t[i] == '*' || t[i] == '\u2022') {
                return true;
            }
        }
        return false;
    }
}
