package io.monago.atrium.bench;

import io.monago.atrium.guard.toxicity.ToxicityClassifier;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Microseconds per text for the toxicity classifier (lexicon and model, as the {@code toxicity}
 * evaluator runs it): a chat answer of about 300 characters or 2 KB of mixed English/Indonesian
 * text, clean or with one abusive sentence in it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ToxicityBenchmark {
    private static final String[] SENTENCES = {
        "Pasien disarankan minum obat dua kali sehari setelah makan dan kontrol ulang minggu depan. ",
        "Your statement shows two card payments on the same day; the second will be reversed within five days. ",
        "Untuk perpanjangan SIM, bawa KTP asli, SIM lama dan surat keterangan sehat dari dokter. ",
        "The discharge summary lists pneumonia treated with antibiotics and a follow-up chest X-ray. ",
    };
    private static final String ABUSE = "Dasar goblok, you are a worthless idiot. ";

    /** Characters in the text. */
    @Param({"300", "2048"})
    public int size;

    /** {@code clean}, or {@code abusive} for text holding one abusive sentence. */
    @Param({"clean", "abusive"})
    public String kind;

    private final ToxicityClassifier classifier = ToxicityClassifier.loadDefault();
    private String text;

    /** Builds the text and checks it is scored as its kind says. */
    @Setup
    public void setUp() {
        StringBuilder b = new StringBuilder(kind.equals("abusive") ? ABUSE : "");
        for (int i = 0; b.length() < size; i++) {
            b.append(SENTENCES[i % SENTENCES.length]);
        }
        text = b.substring(0, size);
        boolean toxic = classifier.classify(text).toxicAt(ToxicityClassifier.DEFAULT_THRESHOLD);
        if (toxic != kind.equals("abusive")) {
            throw new IllegalStateException("the " + kind + " text of " + size + " chars scored toxic=" + toxic);
        }
    }

    /**
     * Classifies the text.
     *
     * @return the score, so the work is not optimised away
     */
    @Benchmark
    public double classify() {
        return classifier.classify(text).score();
    }
}
