package io.monago.atrium.guard.security.corpus;

import io.monago.atrium.guard.security.category.IncidentCategory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the labelled corpora: the project's own, and the public development set. */
public final class Corpora {
    /** The project's own corpus (see the README beside it). */
    public static final Path OWN =
            moduleDirectory().resolve("src/test/resources/io/monago/atrium/guard/security/corpus/own-corpus.jsonl");
    /** The public deepset/prompt-injections train split. */
    public static final Path PUBLIC =
            moduleDirectory().resolve("../datasets/prompt-injection/deepset-prompt-injections-train.jsonl");

    private Corpora() {}

    /**
     * The atrium-guard directory: its child when a program is started from the repository root
     * (as the trainer's {@code exec:java} is), its sibling under the trainer's Surefire, the
     * working directory under the guard's Surefire.
     *
     * @return the module directory
     */
    public static Path moduleDirectory() {
        for (Path candidate : List.of(Path.of("atrium-guard"), Path.of("..", "atrium-guard"))) {
            if (Files.isDirectory(candidate.resolve("src"))) {
                return candidate;
            }
        }
        return Path.of("");
    }

    /**
     * Reads the project's corpus.
     *
     * @return every row
     */
    public static List<LabelledText> own() {
        List<LabelledText> rows = new ArrayList<>();
        for (Map<String, Object> row : read(OWN)) {
            Set<IncidentCategory> labels = EnumSet.noneOf(IncidentCategory.class);
            for (Object label : (List<?>) row.get("labels")) {
                labels.add(IncidentCategory.fromWire((String) label)
                        .orElseThrow(() ->
                                new IllegalStateException("unknown label " + label + " in row " + row.get("id"))));
            }
            rows.add(new LabelledText(
                    (String) row.get("id"),
                    (String) row.get("text"),
                    labels,
                    (String) row.get("lang"),
                    (String) row.get("source"),
                    Boolean.TRUE.equals(row.get("hard_negative")),
                    (String) row.get("split"),
                    (String) row.getOrDefault("obfuscation", ""),
                    (String) row.get("group")));
        }
        return rows;
    }

    /**
     * Reads the public development set. Its injections carry the label {@code prompt_injection}
     * (the set does not tell categories apart); it is never split and never trained on.
     *
     * @return every row
     */
    public static List<LabelledText> publicDevSet() {
        List<LabelledText> rows = new ArrayList<>();
        int n = 0;
        for (Map<String, Object> row : read(PUBLIC)) {
            boolean injection = ((Number) row.get("label")).intValue() == 1;
            Set<IncidentCategory> labels =
                    injection ? EnumSet.of(IncidentCategory.PROMPT_INJECTION) : EnumSet.noneOf(IncidentCategory.class);
            n++;
            rows.add(new LabelledText(
                    "deepset-" + n,
                    (String) row.get("text"),
                    labels,
                    "unknown",
                    "direct",
                    false,
                    "test",
                    "",
                    "deepset-" + n));
        }
        return rows;
    }

    private static List<Map<String, Object>> read(Path file) {
        try {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    rows.add(JsonLine.parseObject(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus " + file.toAbsolutePath(), e);
        }
    }
}
