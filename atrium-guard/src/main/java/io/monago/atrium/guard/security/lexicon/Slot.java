package io.monago.atrium.guard.security.lexicon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One position of a rule: any of its phrases, possibly optional, after at most {@code maxGap}
 * other words. The first words of its phrases are indexed so that a position that cannot start
 * any phrase is rejected with one lookup of the word's term id (rules are tried at every
 * occurrence of common words such as "you" or "kamu", so this is the matcher's hot path).
 */
final class Slot {
    private static final Phrase[] NONE = new Phrase[0];

    private final List<Phrase> phrases;
    private final boolean optional;
    private final int maxGap;
    /** Phrases by the term id of their exact first word. */
    private final IntIndex byFirstTerm;

    private final Phrase[][] firstTermPhrases;
    private final int[] firstTerms;
    private final boolean hasClitics;
    /** Phrases by the key (first or last three letters) of their stem or ending first word; null when none. */
    private final IntIndex startKeys;

    private final int[] startKeyIds;
    private final Phrase[][] startPhrases;
    private final IntIndex endKeys;
    private final int[] endKeyIds;
    private final Phrase[][] endPhrases;
    private final Phrase[] others;

    Slot(List<Phrase> phrases, boolean optional, int maxGap) {
        this.phrases = List.copyOf(phrases);
        this.optional = optional;
        this.maxGap = maxGap;
        Map<Integer, List<Phrase>> byTerm = new LinkedHashMap<>();
        Map<Integer, List<Phrase>> byStart = new LinkedHashMap<>();
        Map<Integer, List<Phrase>> byEnd = new LinkedHashMap<>();
        List<Phrase> rest = new ArrayList<>();
        boolean clitics = false;
        for (Phrase phrase : this.phrases) {
            Term first = phrase.first();
            if (first.kind() == Term.Kind.EXACT) {
                byTerm.computeIfAbsent(first.id(), k -> new ArrayList<>()).add(phrase);
                clitics |= first.cliticMask() != 0;
            } else if (first.key() >= 0 && first.kind() == Term.Kind.PREFIX) {
                byStart.computeIfAbsent(first.key(), k -> new ArrayList<>()).add(phrase);
            } else if (first.key() >= 0) {
                byEnd.computeIfAbsent(first.key(), k -> new ArrayList<>()).add(phrase);
            } else {
                rest.add(phrase);
            }
        }
        this.hasClitics = clitics;
        this.firstTerms = byTerm.keySet().stream().mapToInt(Integer::intValue).toArray();
        this.byFirstTerm = IntIndex.of(firstTerms);
        this.firstTermPhrases =
                byTerm.values().stream().map(list -> list.toArray(NONE)).toArray(Phrase[][]::new);
        this.startKeyIds = byStart.keySet().stream().mapToInt(Integer::intValue).toArray();
        this.startKeys = byStart.isEmpty() ? null : IntIndex.of(startKeyIds);
        this.startPhrases =
                byStart.values().stream().map(list -> list.toArray(NONE)).toArray(Phrase[][]::new);
        this.endKeyIds = byEnd.keySet().stream().mapToInt(Integer::intValue).toArray();
        this.endKeys = byEnd.isEmpty() ? null : IntIndex.of(endKeyIds);
        this.endPhrases =
                byEnd.values().stream().map(list -> list.toArray(NONE)).toArray(Phrase[][]::new);
        this.others = rest.toArray(NONE);
    }

    List<Phrase> phrases() {
        return phrases;
    }

    /**
     * What one of the words where this slot matches must be.
     *
     * @param terms exact term ids
     * @param startKeys stem keys (the word starts with one of these stems' first letters)
     * @param endKeys ending keys
     */
    @SuppressWarnings("ArrayRecordComponent") // compact id tables read while the lexicon is built, never compared
    record Anchors(int[] terms, int[] startKeys, int[] endKeys) {
        int size() {
            return terms.length + startKeys.length + endKeys.length;
        }
    }

    /**
     * The words one of which must be in a text for this slot to match there, or null when any word
     * might do (a stem or an ending of fewer than three letters).
     */
    Anchors anchors() {
        return others.length > 0 ? null : new Anchors(firstTerms.clone(), startKeyIds.clone(), endKeyIds.clone());
    }

    /** The most words one of its phrases covers. */
    int maxPhraseLength() {
        int longest = 0;
        for (Phrase phrase : phrases) {
            longest = Math.max(longest, phrase.size());
        }
        return longest;
    }

    boolean optional() {
        return optional;
    }

    int maxGap() {
        return maxGap;
    }

    /**
     * Tries the phrases that could start at a word, found by lookups of the word's term, its term
     * without its clitic, its first and last three letters; for each that matches, the rest of the
     * rule is matched after it.
     *
     * @return the end of the first complete match of the rule, or -1
     */
    int tryAt(Rule rule, TermSequence words, int slotIndex, int at) {
        int end = tryTerm(rule, words, slotIndex, at, words.term(at));
        if (end < 0 && hasClitics && words.base(at) >= 0) {
            end = tryTerm(rule, words, slotIndex, at, words.base(at));
        }
        if (end < 0 && startKeys != null) {
            int key = startKeys.get(words.startKey(at));
            end = key < 0 ? -1 : rule.tryPhrases(words, startPhrases[key], slotIndex, at);
        }
        if (end < 0 && endKeys != null) {
            int key = endKeys.get(words.endKey(at));
            end = key < 0 ? -1 : rule.tryPhrases(words, endPhrases[key], slotIndex, at);
        }
        return end < 0 && others.length > 0 ? rule.tryPhrases(words, others, slotIndex, at) : end;
    }

    private int tryTerm(Rule rule, TermSequence words, int slotIndex, int at, int term) {
        int position = byFirstTerm.get(term);
        return position < 0 ? -1 : rule.tryPhrases(words, firstTermPhrases[position], slotIndex, at);
    }
}
