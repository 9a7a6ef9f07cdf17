package io.monago.atrium.guard.pii.scan;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.names.NameText;
import io.monago.atrium.guard.pii.names.NameWords;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.Match;
import io.monago.atrium.guard.pii.recognizer.builtin.AddressRecognizer;
import io.monago.atrium.guard.pii.text.CharClass;
import io.monago.atrium.guard.pii.text.WordKey;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The part of the scan pass that finds names and addresses. It sees every word the pass walks;
 * an anchor (a title, a label, a role word, an address keyword, a capitalised word after a house
 * number, a capitalised given name) starts one bounded look ahead, and the pass resumes after what
 * was found, so each character is still read a constant number of times.
 */
final class NameScan {
    /** How far after a transfer word ({@code TRSF E-BANKING DB}) its direction word may come. */
    private static final int TRANSFER_REACH = 24;

    /** How far before an address an address word ({@code alamat}) still counts. */
    private static final int ADDRESS_CONTEXT_REACH = 48;

    /** How far after a word that announces organisations ({@code suppliers}) its sentence is read as their names. */
    private static final int ORG_LIST_REACH = 120;

    private static final long KEY_A = WordKey.of("a");

    private final ScanEngine engine;
    private final char[] t;
    private final Consumer<Ranked> sink;
    private final boolean persons;
    private final boolean addresses;
    private int previousFlags;
    private int previousEnd = -1;
    private int addressWordEnd = -1_000;
    private int transferEnd = -1_000;
    private int orgListEnd = -1_000;

    NameScan(ScanEngine engine, char[] folded, Consumer<Ranked> sink) {
        this.engine = engine;
        this.t = folded;
        this.sink = sink;
        this.persons = engine.enabled(EntityType.PERSON);
        this.addresses = engine.enabled(EntityType.ADDRESS);
    }

    /**
     * Sees a word of the text, in order.
     *
     * @return where the pass resumes: after a name or address found from this word, else {@code e}
     */
    int onWord(int s, int e, long key) {
        if (!persons && !addresses) {
            return e;
        }
        int flags = key == 0 ? 0 : engine.nameWords.lookup(key);
        int previous = previousEnd >= 0 && adjacent(previousEnd, s) ? previousFlags : 0;
        previousFlags = flags;
        previousEnd = e;
        if ((flags & NameWords.ADDRESS_CONTEXT) != 0) {
            addressWordEnd = e;
        }
        boolean capital = NameText.capitalised(t, s, e);
        if (addresses) {
            boolean context = s - addressWordEnd <= ADDRESS_CONTEXT_REACH;
            Optional<Match> m = Optional.empty();
            if (AddressRecognizer.mayStart(flags)) {
                m = engine.address.parse(t, s, context);
            } else if (capital) {
                int number = houseNumberBefore(s);
                if (number >= 0) {
                    m = engine.address.fromNumber(t, number, context);
                }
            }
            if (m.isPresent()) {
                return emit(m.get(), 0);
            }
        }
        if (!persons) {
            return e;
        }
        int anchorEnd = e;
        int anchor = flags & (NameWords.TITLE | NameWords.LABEL | NameWords.KIN);
        if (key == KEY_A && e + 2 < t.length && t[e] == '.' && (t[e + 1] | 0x20) == 'n' && t[e + 2] == '.') {
            anchor = NameWords.LABEL; // "a.n. Budi": atas nama
            anchorEnd = e + 2;
        } else if (key == KEY_A && e + 1 < t.length && t[e] == '/' && (t[e + 1] | 0x20) == 'n') {
            anchor = NameWords.LABEL; // "a/n Budi"
            anchorEnd = e + 2;
        }
        boolean transfer = false;
        if ((flags & NameWords.TRANSFER) != 0) {
            transferEnd = e;
        }
        if ((flags & NameWords.ORG_LIST) != 0) {
            orgListEnd = e;
        }
        if ((flags & NameWords.DIRECTION) != 0 && afterTransfer(s)) {
            anchor = NameWords.LABEL; // "TRF KE YULIANUS TABUNI", "transfer dari Budi"
            transfer = true;
        }
        if ((anchor & NameWords.TITLE) != 0 && (previous & (NameWords.ORG | NameWords.STREET)) != 0) {
            return e; // "RSUP Dr. Sardjito", "Jl. Dr. Wahidin": named after a person, not one
        }
        if (anchor != 0 && inKey(s, anchorEnd)) {
            return e; // "nama_obat": "...", "full_name": a key; LineNames reads keys and their values whole
        }
        if (anchor != 0) {
            Optional<Match> m = engine.person.afterAnchor(t, anchorEnd, anchor);
            if (transfer) {
                // Transfers go to companies and accounts too: a name in capitals, or a known given name.
                m = m.filter(f -> NameText.allCaps(t, f.start(), f.end()) || engine.person.givenFirst(t, f.start()));
            }
            if (m.isPresent()) {
                return emit(m.get(), m.get().start() - anchorEnd);
            }
            return e;
        }
        if (capital && flags == 0 && !inOrgList(s)) {
            Optional<Match> m = engine.person.bare(t, s, previous);
            if (m.isPresent()) {
                return emit(m.get(), Context.NONE);
            }
        }
        return e;
    }

    private int emit(Match m, int contextDistance) {
        sink.accept(new Ranked(m, contextDistance));
        previousFlags = 0;
        previousEnd = m.end();
        return m.end();
    }

    /** Whether a transfer word ended shortly before {@code s} on the same line. */
    private boolean afterTransfer(int s) {
        if (s - transferEnd > TRANSFER_REACH || transferEnd < 0) {
            return false;
        }
        for (int i = transferEnd; i < s; i++) {
            if (t[i] == '\n') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a word that announces organisations came earlier in this sentence ({@code Supplier
     * list: Maria Cookies, Andi Offset}); the read is bounded by {@link #ORG_LIST_REACH}.
     */
    private boolean inOrgList(int s) {
        if (orgListEnd < 0 || s - orgListEnd > ORG_LIST_REACH) {
            return false;
        }
        for (int i = orgListEnd; i < s; i++) {
            char c = t[i];
            if (c == '\n' || ((c == '.' || c == '!' || c == '?') && i + 1 < s && t[i + 1] == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** Whether the word is part of a quoted or compound key ({@code "name":}, {@code full_name}). */
    private boolean inKey(int s, int e) {
        return (s > 0 && (t[s - 1] == '"' || t[s - 1] == '_')) || (e < t.length && (t[e] == '"' || t[e] == '_'));
    }

    /** Whether only spaces or one dot and spaces lie between {@code end} and {@code start}. */
    private boolean adjacent(int end, int start) {
        int p = end;
        if (p < start && t[p] == '.') {
            p++;
        }
        return NameText.spaces(t, p) == start && start - end <= 3;
    }

    /** The start of a house number ({@code 12}, {@code 221B}) right before the word at {@code s}, or -1. */
    private int houseNumberBefore(int s) {
        if (s < 2 || t[s - 1] != ' ' || !CharClass.isAlnum(t[s - 2])) {
            return -1;
        }
        int b = s - 1;
        while (b > 0 && s - 1 - b < 6 && CharClass.isAlnum(t[b - 1])) {
            b--;
        }
        if (!CharClass.isDigit(t[b]) || (b > 0 && CharClass.isAlnum(t[b - 1]))) {
            return -1;
        }
        return b;
    }
}
