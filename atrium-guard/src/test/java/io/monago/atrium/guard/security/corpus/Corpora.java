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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the labelled corpora: the project's own, and four public data sets under the repository's
 * {@code datasets/} (each folder's README gives source and licence). Every row carries the data set
 * it comes from ({@link LabelledText#corpus()}) and a split: the own corpus keeps the split written
 * in it; a public row is held out when the hash of its group falls in the lowest {@value
 * #HELD_OUT_PERCENT} of 100 buckets, so rows that share a group (a BIPIA attack instruction used in
 * several contexts, a jailbreak template re-posted with small changes) land in the same split.
 */
public final class Corpora {
    /** The share of each public data set's groups held out, in percent. */
    public static final int HELD_OUT_PERCENT = 30;

    /** The data set names, in the order reports list them. */
    public static final List<String> NAMES = List.of("own", "indirect", "deepset", "bipia", "jailbreak_llms", "xsid");

    /** The project's own corpus (see the README beside it). */
    public static final Path OWN =
            moduleDirectory().resolve("src/test/resources/io/monago/atrium/guard/security/corpus/own-corpus.jsonl");
    /**
     * A second development set of the project's own, for indirect injection only: tool results,
     * e-mails, tables and code answers, each envelope with injections and with benign instructions.
     * Every row is held out: it is written in another voice than the own corpus and never trained
     * on, to measure how the detector carries to injections phrased in ways it has not seen.
     */
    public static final Path INDIRECT =
            moduleDirectory().resolve("src/test/resources/io/monago/atrium/guard/security/corpus/indirect-dev.jsonl");
    /** The public deepset/prompt-injections train split (its test split is not in the repository). */
    public static final Path DEEPSET =
            moduleDirectory().resolve("../datasets/prompt-injection/deepset-prompt-injections-train.jsonl");
    /** BIPIA's train split: indirect injections in e-mails, tables and code answers, and clean contexts. */
    public static final Path BIPIA = moduleDirectory().resolve("../datasets/bipia/bipia-train.jsonl");
    /** In-the-wild jailbreak prompts (all attacks). */
    public static final Path JAILBREAK_LLMS =
            moduleDirectory().resolve("../datasets/jailbreak_llms/jailbreak_llms-train.jsonl");
    /** Requests with token runs sampled from a BPE vocabulary, and the same requests alone. */
    public static final Path BPE_SUFFIXES = moduleDirectory().resolve("../datasets/gcg-suffixes/bpe-suffixes.jsonl");
    /** Benign texts that look odd at their end: code, logs, hashes, LaTeX, slang, emoji. */
    public static final Path SUFFIX_NEGATIVES =
            moduleDirectory().resolve("../datasets/gcg-suffixes/hard-negatives.jsonl");
    /** Indonesian assistant requests from xSID (all benign). */
    public static final Path XSID = moduleDirectory().resolve("../datasets/xsid-indonesian/xsid-id-benign.jsonl");

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
     * Every row of every data set.
     *
     * @return the own corpus, the indirect development set and the public sets, in the order of {@link
     *     #NAMES}
     */
    public static List<LabelledText> all() {
        List<LabelledText> rows = new ArrayList<>(own());
        rows.addAll(indirect());
        rows.addAll(deepset());
        rows.addAll(bipia());
        rows.addAll(jailbreakLlms());
        rows.addAll(xsid());
        return rows;
    }

    /**
     * Reads the project's corpus.
     *
     * @return every row
     */
    public static List<LabelledText> own() {
        return ownFormat(OWN, "own");
    }

    /**
     * Reads the indirect-injection development set (see {@link #INDIRECT}); every row is held out.
     *
     * @return every row
     */
    public static List<LabelledText> indirect() {
        List<LabelledText> rows = ownFormat(INDIRECT, "indirect");
        for (LabelledText row : rows) {
            if (!row.heldOut()) {
                throw new IllegalStateException("row " + row.id() + " of " + INDIRECT + " is not held out");
            }
        }
        return rows;
    }

    /** Reads a file in the own corpus's format (see the README beside it). */
    private static List<LabelledText> ownFormat(Path file, String corpus) {
        List<LabelledText> rows = new ArrayList<>();
        for (Map<String, Object> row : read(file)) {
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
                    (String) row.get("group"),
                    corpus));
        }
        return rows;
    }

    /**
     * Reads the adversarial-suffix development sets: {@code bpe_suffix} (requests with and without
     * a token run sampled from a BPE vocabulary) and {@code suffix_negatives} (benign texts that
     * end oddly, all hard negatives), each with the split written in it. They are for the suffix
     * stage only and are not among {@link #all()}, which the learned model is trained on.
     *
     * @return every row of both sets
     */
    public static List<LabelledText> suffixes() {
        List<LabelledText> rows = new ArrayList<>();
        for (Path file : List.of(BPE_SUFFIXES, SUFFIX_NEGATIVES)) {
            boolean negatives = file.equals(SUFFIX_NEGATIVES);
            for (Map<String, Object> row : read(file)) {
                Set<IncidentCategory> labels = EnumSet.noneOf(IncidentCategory.class);
                if (!((List<?>) row.get("labels")).isEmpty()) {
                    labels.add(IncidentCategory.ADVERSARIAL_SUFFIX);
                }
                rows.add(new LabelledText(
                        (String) row.get("id"),
                        (String) row.get("text"),
                        labels,
                        (String) row.get("lang"),
                        "direct",
                        negatives,
                        (String) row.get("split"),
                        "",
                        (String) row.get("group"),
                        negatives ? "suffix_negatives" : "bpe_suffix"));
            }
        }
        return rows;
    }

    /**
     * Reads deepset's train split. Its injections carry the label {@code prompt_injection} (the set
     * does not tell categories apart); a group is one text.
     *
     * @return every row
     */
    public static List<LabelledText> deepset() {
        List<LabelledText> rows = new ArrayList<>();
        int n = 0;
        for (Map<String, Object> row : read(DEEPSET)) {
            n++;
            String text = (String) row.get("text");
            rows.add(publicRow(
                    "deepset-" + n,
                    text,
                    attack(row, IncidentCategory.PROMPT_INJECTION),
                    "unknown",
                    "direct",
                    "deepset:" + key(text),
                    "deepset"));
        }
        return rows;
    }

    /**
     * Reads BIPIA's train split. A clean context is split by its text; an attacked row by both its
     * context and its attack instruction (BIPIA uses one instruction in several contexts and one
     * context with several instructions): it is held out when both are, trained on when both are
     * trained on, and otherwise neither ({@code split} {@code "excluded"}), so that no held-out
     * context was seen carrying an attack and no held-out instruction was seen at all. E-mails are
     * analysed as e-mails, tables and code answers as documents.
     *
     * @return every row
     */
    public static List<LabelledText> bipia() {
        List<Map<String, Object>> raw = read(BIPIA);
        Map<String, String> cleanGroups = new java.util.LinkedHashMap<>(); // squeezed text -> group
        for (Map<String, Object> row : raw) {
            if (((Number) row.get("label")).intValue() == 0) {
                String text = (String) row.get("text");
                cleanGroups.putIfAbsent(squeezed(text), "bipia:clean:" + key(text));
            }
        }
        List<LabelledText> rows = new ArrayList<>();
        int n = 0;
        for (Map<String, Object> row : raw) {
            n++;
            String text = (String) row.get("text");
            String origin = (String) row.get("source"); // microsoft/BIPIA:<task>/train:<clean|category-index:position>
            String task = origin.substring(origin.indexOf(':') + 1, origin.indexOf('/', origin.indexOf(':')));
            String detail = origin.substring(origin.indexOf("/train:") + "/train:".length());
            Set<IncidentCategory> labels = attack(row, IncidentCategory.PROMPT_INJECTION);
            String source = task.equals("email") ? "email" : "document";
            if (labels.isEmpty()) {
                rows.add(publicRow("bipia-" + n, text, labels, "en", source, "bipia:clean:" + key(text), "bipia"));
                continue;
            }
            String instruction = "bipia:" + (task.equals("code") ? "code" : "text") + ":"
                    + detail.substring(0, detail.lastIndexOf(':'));
            String context = contextOf(squeezed(text), cleanGroups.keySet());
            String split = splitOf(instruction);
            if (context != null && !splitOf(cleanGroups.get(context)).equals(split)) {
                split = "excluded";
            }
            rows.add(
                    new LabelledText("bipia-" + n, text, labels, "en", source, false, split, "", instruction, "bipia"));
        }
        return rows;
    }

    /** The clean context an attacked text was made from: the one whose start and end it holds. */
    private static String contextOf(String attacked, Set<String> cleanTexts) {
        for (String clean : cleanTexts) {
            int edge = Math.min(30, clean.length());
            if (clean.length() < attacked.length()
                    && attacked.contains(clean.substring(0, edge))
                    && attacked.contains(clean.substring(clean.length() - edge))) {
                return clean;
            }
        }
        return null;
    }

    /** The text without whitespace: inserting an instruction changes the line breaks around it. */
    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    /**
     * Reads the in-the-wild jailbreak prompts, grouped by their first six words (re-posted
     * templates with a changed name or ending stay together).
     *
     * @return every row
     */
    public static List<LabelledText> jailbreakLlms() {
        List<LabelledText> rows = new ArrayList<>();
        int n = 0;
        for (Map<String, Object> row : read(JAILBREAK_LLMS)) {
            n++;
            String text = (String) row.get("text");
            String[] words = text.toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}]+", " ")
                    .strip()
                    .split(" ");
            String opening = String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(6, words.length)));
            rows.add(publicRow(
                    "jailbreak-" + n,
                    text,
                    attack(row, IncidentCategory.JAILBREAK_ATTEMPT),
                    (String) row.getOrDefault("lang", "unknown"),
                    "direct",
                    "jailbreak:" + opening,
                    "jailbreak_llms"));
        }
        return rows;
    }

    /**
     * Reads the Indonesian xSID requests (all benign), a group per text.
     *
     * @return every row
     */
    public static List<LabelledText> xsid() {
        List<LabelledText> rows = new ArrayList<>();
        int n = 0;
        for (Map<String, Object> row : read(XSID)) {
            n++;
            String text = (String) row.get("text");
            rows.add(publicRow(
                    "xsid-" + n,
                    text,
                    attack(row, IncidentCategory.PROMPT_INJECTION),
                    "id",
                    "direct",
                    "xsid:" + key(text),
                    "xsid"));
        }
        return rows;
    }

    private static Set<IncidentCategory> attack(Map<String, Object> row, IncidentCategory category) {
        return ((Number) row.get("label")).intValue() == 1
                ? EnumSet.of(category)
                : EnumSet.noneOf(IncidentCategory.class);
    }

    private static LabelledText publicRow(
            String id,
            String text,
            Set<IncidentCategory> labels,
            String language,
            String source,
            String group,
            String corpus) {
        return new LabelledText(id, text, labels, language, source, false, splitOf(group), "", group, corpus);
    }

    private static String splitOf(String group) {
        return Math.floorMod(group.hashCode(), 100) < HELD_OUT_PERCENT ? "test" : "train";
    }

    /** The key the data sets' READMEs de-duplicate by: lower case, whitespace collapsed, 200 chars. */
    private static String key(String text) {
        String key = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return key.length() > 200 ? key.substring(0, 200) : key;
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
