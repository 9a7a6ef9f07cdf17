package io.monago.atrium.guard.security;

import io.monago.atrium.guard.security.category.IncidentCategory;
import io.monago.atrium.guard.security.context.DocumentSignals;
import io.monago.atrium.guard.security.decode.DecodeBudget;
import io.monago.atrium.guard.security.decode.DecodedPayload;
import io.monago.atrium.guard.security.decode.PayloadDecoder;
import io.monago.atrium.guard.security.lexicon.Lexicon;
import io.monago.atrium.guard.security.lexicon.RuleHit;
import io.monago.atrium.guard.security.lexicon.TermSequence;
import io.monago.atrium.guard.security.model.LinearModel;
import io.monago.atrium.guard.security.suffix.GibberishSuffixDetector;
import io.monago.atrium.guard.security.text.NormalizedText;
import io.monago.atrium.guard.security.text.Obfuscation;
import io.monago.atrium.guard.security.text.TextNormalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scores one text for every category: normalise, match the lexicon, run the model, look at what
 * normalisation undid, look at the tail for a suffix, then decode what is encoded and scan that
 * again one level deeper. Immutable; the per-call state lives in {@link Context}.
 */
final class TextScanner {
    /** The attack categories whose score a decoded payload passes on to {@code encoded_payload}. */
    private static final Set<IncidentCategory> CONTENT = Set.of(
            IncidentCategory.PROMPT_INJECTION,
            IncidentCategory.JAILBREAK_ATTEMPT,
            IncidentCategory.SYSTEM_PROMPT_EXTRACTION,
            IncidentCategory.ENCODED_PAYLOAD,
            IncidentCategory.HIDDEN_INSTRUCTIONS);

    private static final int MIN_ROT13_KEYWORDS = 2;
    /** Decoded content scoring at least this gets {@link #CONCEALMENT_BONUS} on top. */
    private static final double CONCEALMENT_FLOOR = 0.3;

    private static final double CONCEALMENT_BONUS = 0.25;
    /** An attack score from which a disguise around it counts as hiding the attack. */
    private static final double DISGUISED_ATTACK = 0.5;

    private final Lexicon lexicon;
    private final TextNormalizer normalizer;
    private final LinearModel model;
    private final PayloadDecoder decoder;
    private final GibberishSuffixDetector suffixDetector = new GibberishSuffixDetector();
    private final Set<AnalysisStage> stages;
    private final DecodeLimits limits;
    /** Scores below this are not reported: a stage may stop early once it knows it cannot reach it. */
    private final double reportFloor;

    private final KnownWords knownWords;
    private final DocumentSignals documentSignals = new DocumentSignals();

    TextScanner(
            Lexicon lexicon,
            TextNormalizer normalizer,
            LinearModel model,
            Set<AnalysisStage> stages,
            DecodeLimits limits,
            double reportFloor) {
        this.reportFloor = reportFloor;
        this.lexicon = lexicon;
        this.normalizer = normalizer;
        this.model = model;
        this.stages = stages;
        this.limits = limits;
        this.decoder = new PayloadDecoder(limits.maxBytesPerPayload());
        this.knownWords = new KnownWords(lexicon, model);
    }

    /** Per-call state: the decode budget and the deepest level reached. */
    static final class Context {
        final DecodeBudget budget;
        int maxDepth;

        Context(DecodeLimits limits) {
            this.budget = new DecodeBudget(limits.maxTotalBytes(), limits.maxPayloads());
        }
    }

    /** The best score per category, with the rule that earned it. */
    static final class Scores {
        final Map<IncidentCategory, Double> score = new EnumMap<>(IncidentCategory.class);
        final Map<IncidentCategory, String> rule = new EnumMap<>(IncidentCategory.class);
        /** The evidence behind each best score, strongest first (see SecurityIncident#signals). */
        final Map<IncidentCategory, List<String>> signals = new EnumMap<>(IncidentCategory.class);

        void offer(IncidentCategory category, double value, String ruleId) {
            offer(category, value, ruleId, List.of(ruleId));
        }

        void offer(IncidentCategory category, double value, String ruleId, List<String> evidence) {
            if (value > score.getOrDefault(category, 0.0)) {
                score.put(category, value);
                rule.put(category, ruleId);
                signals.put(category, evidence);
            }
        }

        double get(IncidentCategory category) {
            return score.getOrDefault(category, 0.0);
        }

        double content() {
            double max = 0;
            for (IncidentCategory category : CONTENT) {
                max = Math.max(max, get(category));
            }
            return max;
        }
    }

    /**
     * Scores one text.
     *
     * @param dataRole whether the text is data by its role (a tool result): every instruction in it
     *     then speaks to its reader
     */
    Scores scan(String text, boolean dataRole, int depth, Context context) {
        context.maxDepth = Math.max(context.maxDepth, depth);
        Scores scores = new Scores();
        NormalizedText normalized = normalizer.normalize(text);
        KnownWords.Lookup known = knownWords.lookUp(normalized);
        TermSequence terms = lexicon.terms(normalized, known.termIds());
        List<RuleHit> hits = stages.contains(AnalysisStage.LEXICON) ? lexicon.match(terms) : List.of();
        scoreContent(terms, known, hits, dataRole, scores);
        if (stages.contains(AnalysisStage.DECODING) && depth < limits.maxDepth()) {
            scoreDecoded(text, normalized, known, dataRole, depth, context, scores);
        }
        if (stages.contains(AnalysisStage.HIDDEN_CHARACTERS)) {
            scoreHidden(normalized.obfuscation(), dataRole, depth, context, scores);
        }
        if (stages.contains(AnalysisStage.ADVERSARIAL_SUFFIX)) {
            double suffix = suffixDetector.score(text, reportFloor);
            if (suffix > 0) {
                scores.offer(IncidentCategory.ADVERSARIAL_SUFFIX, suffix, "suffix.gibberish");
            }
        }
        return scores;
    }

    /** Model heads where the model is on; the rule weights themselves for the other categories. */
    private void scoreContent(
            TermSequence terms, KnownWords.Lookup known, List<RuleHit> hits, boolean dataRole, Scores scores) {
        boolean learned = stages.contains(AnalysisStage.LEARNED_MODEL);
        if (learned) {
            // Where instructions sit in a document, and the segment's role, are features of the model.
            List<RuleHit> signals = documentSignals.find(terms.text(), dataRole);
            List<RuleHit> features = hits;
            if (!signals.isEmpty()) {
                features = new java.util.ArrayList<>(hits);
                features.addAll(signals);
            }
            double[] probabilities = model.score(terms.text(), known.frequentIds(), terms.classes(), features);
            for (int h = 0; h < probabilities.length; h++) {
                IncidentCategory category = model.heads().get(h);
                if (probabilities[h] >= reportFloor) {
                    scores.offer(
                            category,
                            probabilities[h],
                            strongestRule(hits, category).orElse("model"),
                            modelSignals(features, category));
                } else {
                    scores.offer(category, probabilities[h], "model");
                }
            }
        }
        for (RuleHit hit : hits) {
            if (!learned || !model.heads().contains(hit.category())) {
                scores.offer(hit.category(), hit.weight(), hit.id());
            }
        }
    }

    /**
     * Why the model scored a category: its head, then the rules behind the score, strongest first
     * (each rule is one of the model's features; its name, category and weight band are others).
     * Built only for scores that will be reported.
     */
    private static List<String> modelSignals(List<RuleHit> hits, IncidentCategory category) {
        List<RuleHit> matching = new java.util.ArrayList<>();
        for (RuleHit hit : hits) {
            if (hit.category() == category) {
                matching.add(hit);
            }
        }
        matching.sort(java.util.Comparator.comparingDouble(RuleHit::weight).reversed());
        List<String> evidence = new java.util.ArrayList<>();
        evidence.add("model:" + category.wireName());
        for (RuleHit hit : matching) {
            if (!evidence.contains(hit.id()) && evidence.size() < SecurityIncident.MAX_SIGNALS) {
                evidence.add(hit.id());
            }
        }
        return List.copyOf(evidence);
    }

    private static Optional<String> strongestRule(List<RuleHit> hits, IncidentCategory category) {
        RuleHit best = null;
        for (RuleHit hit : hits) {
            if (hit.category() == category && (best == null || hit.weight() > best.weight())) {
                best = hit;
            }
        }
        return Optional.ofNullable(best).map(RuleHit::id);
    }

    private void scoreDecoded(
            String text,
            NormalizedText normalized,
            KnownWords.Lookup known,
            boolean dataRole,
            int depth,
            Context context,
            Scores scores) {
        for (DecodedPayload payload : decoder.decode(text, normalized, context.budget)) {
            rescan(payload, dataRole, depth, context, scores);
        }
        // Rot13 cannot be told from its alphabet: it is rot13 when rotating words yields attack words.
        if (known.rotatedWords() >= MIN_ROT13_KEYWORDS) {
            decoder.rot13(text, context.budget).ifPresent(payload -> rescan(payload, dataRole, depth, context, scores));
        }
    }

    private void rescan(DecodedPayload payload, boolean dataRole, int depth, Context context, Scores scores) {
        Scores inner = scan(payload.text(), dataRole, depth + 1, context);
        String rule = "decoded." + payload.encoding().id();
        // Wrapping instructions in an encoding is concealment, itself evidence: a payload that
        // reads as even a weak attack scores higher than the same text in the clear.
        double content = inner.content();
        double concealed = content >= CONCEALMENT_FLOOR ? Math.min(1.0, content + CONCEALMENT_BONUS) : content;
        List<String> evidence = new java.util.ArrayList<>(List.of(rule));
        inner.score.entrySet().stream()
                .filter(entry -> CONTENT.contains(entry.getKey()))
                .max(Map.Entry.comparingByValue())
                .ifPresent(best -> evidence.addAll(inner.signals.getOrDefault(best.getKey(), List.of())));
        scores.offer(IncidentCategory.ENCODED_PAYLOAD, concealed, rule, List.copyOf(evidence));
        for (Map.Entry<IncidentCategory, Double> entry : inner.score.entrySet()) {
            scores.offer(entry.getKey(), entry.getValue(), rule, List.copyOf(evidence));
        }
    }

    private void scoreHidden(Obfuscation o, boolean dataRole, int depth, Context context, Scores scores) {
        IncidentCategory hidden = IncidentCategory.HIDDEN_INSTRUCTIONS;
        if (o.bidiMarks() > 0) {
            scores.offer(hidden, 0.2, "hidden.bidi_mark");
        }
        if (o.zeroWidth() > 0) {
            scores.offer(hidden, o.zeroWidthInWords() >= 3 ? 0.6 : 0.3, "hidden.zero_width");
        }
        if (o.homoglyphWords() > 0) {
            scores.offer(hidden, 0.5, "hidden.homoglyph");
        }
        if (o.leetKeywords() > 0) {
            scores.offer(hidden, 0.6, "hidden.leetspeak_keyword");
        }
        if (o.spacedKeywords() > 0) {
            scores.offer(hidden, 0.6, "hidden.spaced_keyword");
        }
        if (o.bidiControls() > 0) {
            scores.offer(hidden, 0.75, "hidden.bidi_control");
        }
        if (o.invisibleKeywords() > 0) {
            scores.offer(hidden, 0.85, "hidden.invisible_in_keyword");
        }
        if (o.homoglyphKeywords() > 0) {
            scores.offer(hidden, 0.85, "hidden.homoglyph_keyword");
        }
        if (o.tagCharacters() > 0) {
            scores.offer(hidden, o.tagCharacters() >= 2 ? 0.95 : 0.6, "hidden.tag_characters");
            if (stages.contains(AnalysisStage.DECODING) && depth < limits.maxDepth()) {
                decoder.tags(o.tagPayload(), context.budget)
                        .ifPresent(payload -> rescan(payload, dataRole, depth, context, scores));
            }
        }
        // A disguise wrapped around an attack is the attack hiding: report it as such.
        double disguise = scores.get(hidden);
        double attack = Math.max(
                scores.get(IncidentCategory.PROMPT_INJECTION),
                Math.max(
                        scores.get(IncidentCategory.JAILBREAK_ATTEMPT),
                        scores.get(IncidentCategory.SYSTEM_PROMPT_EXTRACTION)));
        if (disguise >= 0.5 && attack >= DISGUISED_ATTACK) {
            scores.offer(hidden, Math.max(0.9, Math.min(0.99, attack)), scores.rule.get(hidden) + "+attack");
        }
    }
}
