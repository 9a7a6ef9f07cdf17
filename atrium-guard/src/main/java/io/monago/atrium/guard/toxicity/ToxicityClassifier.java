package io.monago.atrium.guard.toxicity;

import io.monago.atrium.guard.toxicity.category.ToxicityCategory;
import io.monago.atrium.guard.toxicity.model.ToxicityLexicon;
import io.monago.atrium.guard.toxicity.model.ToxicityModel;
import io.monago.atrium.guard.toxicity.model.ToxicityWords;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Scores English and Indonesian text for toxicity (abuse, hate, harassment, threats, sexual
 * content) with a lexicon of terms and a linear model over hashed word and character features, in
 * microseconds and without I/O after loading. Immutable and thread-safe: load once, share.
 *
 * <pre>{@code
 * ToxicityClassifier classifier = ToxicityClassifier.loadDefault();
 * ToxicityResult result = classifier.classify("you are a worthless idiot");
 * result.score();       // about 0.9
 * result.categories();  // [ABUSE]
 * }</pre>
 */
public final class ToxicityClassifier {
    /** The threshold at which the figures in docs/guard.md are measured. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private final ToxicityLexicon lexicon;
    private final ToxicityModel model;

    private ToxicityClassifier(ToxicityLexicon lexicon, ToxicityModel model) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * The classifier with the lexicon and weights shipped in the jar.
     *
     * @return the default classifier
     */
    public static ToxicityClassifier loadDefault() {
        return new ToxicityClassifier(ToxicityLexicon.loadDefault(), ToxicityModel.loadDefault());
    }

    /**
     * Classifies one text.
     *
     * @param text any text; empty text scores the model's prior
     * @return the score and categories
     */
    public ToxicityResult classify(String text) {
        String[] words = ToxicityWords.of(text);
        List<ToxicityLexicon.Hit> hits = lexicon.find(words);
        Set<ToxicityCategory> categories = EnumSet.noneOf(ToxicityCategory.class);
        for (ToxicityLexicon.Hit hit : hits) {
            categories.add(hit.category());
        }
        return new ToxicityResult(model.score(words, hits), categories);
    }
}
