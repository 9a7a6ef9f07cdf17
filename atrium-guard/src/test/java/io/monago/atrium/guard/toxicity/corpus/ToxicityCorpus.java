package io.monago.atrium.guard.toxicity.corpus;

import io.monago.atrium.guard.security.corpus.Corpora;
import io.monago.atrium.guard.security.corpus.JsonLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the toxicity data in the repository's {@code datasets/toxicity} (its README names the
 * sources and licences) and splits every source deterministically: a row is held out when the
 * FNV-1a hash of its {@code source} field modulo 5 is 0.
 */
public final class ToxicityCorpus {
    /** The data folder. */
    public static final Path FOLDER = Corpora.moduleDirectory().resolve("../datasets/toxicity");

    /** The files, one per source, in the order reports list them. */
    public static final List<String> SOURCES = List.of(
            "davidson-en-subset.jsonl",
            "civil-comments-toxic-en-subset.jsonl",
            "deepset-benign-en-de.jsonl",
            "blob-id.jsonl",
            "xsid-id-benign.jsonl");

    private ToxicityCorpus() {}

    /**
     * One labelled text.
     *
     * @param text the text
     * @param toxic whether it is labelled toxic
     * @param file the source file it came from
     * @param heldOut whether it belongs to the held-out split
     */
    public record Row(String text, boolean toxic, String file, boolean heldOut) {}

    /**
     * Reads every source.
     *
     * @return all rows
     */
    public static List<Row> all() {
        List<Row> rows = new ArrayList<>();
        for (String file : SOURCES) {
            try {
                for (String line : Files.readAllLines(FOLDER.resolve(file), StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    Map<String, Object> object = JsonLine.parseObject(line);
                    String source = (String) object.get("source");
                    boolean toxic = ((Number) object.get("label")).intValue() == 1;
                    rows.add(new Row((String) object.get("text"), toxic, file, heldOut(source)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot read " + FOLDER.resolve(file).toAbsolutePath(), e);
            }
        }
        return rows;
    }

    /**
     * Whether a row with this source id is held out.
     *
     * @param source the row's {@code source} field
     * @return true for about one row in five
     */
    public static boolean heldOut(String source) {
        int h = 0x811C9DC5;
        for (int i = 0; i < source.length(); i++) {
            h = (h ^ source.charAt(i)) * 0x01000193;
        }
        return Integer.remainderUnsigned(h, 5) == 0;
    }
}
