package io.monago.atrium.guard.security.context;

import io.monago.atrium.guard.security.category.IncidentCategory;
import io.monago.atrium.guard.security.lexicon.RuleHit;
import io.monago.atrium.guard.security.text.NormalizedText;
import io.monago.atrium.guard.security.text.WordTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an instruction sits and whom it speaks to: the signals that make a harmless sentence an
 * indirect injection. "What is the capital of Brazil?" is a fine request from a user; on a line of
 * its own between the rows of a table, or inside a tool result, it is text planted in data that
 * speaks to whoever reads it.
 *
 * <p>A text is a document when it has the marks of one (several lines, {@code |} table rows, a code
 * fence, e-mail headers, JSON) or comes from a data role (a tool result). Its units are its lines
 * and, inside a line, its sentences. A unit is instruction-shaped when it starts with an imperative
 * or a question word, ends with a question mark, or opens like a notice ("Note to ...", "SYSTEM:").
 * For each such unit inside a document the signals say where it sits (start, middle, end), whether
 * it stands alone on its line, breaks the document's shape (a prose line among table rows), shares
 * no words with the rest (off topic), refers to the document ("this e-mail", "tabel berikut": the
 * user's own request does), and whom it addresses (the reader, the answer, an AI) and whether it speaks of the
 * model's user or tools in the third person ("tell the user ...", "use the file tool ...").
 *
 * <p>Signals are returned as {@link RuleHit}s whose id starts with {@value #PREFIX}, at the unit's
 * first word, so they are features of the learned model (which weighs them in training) and never
 * scores of their own: their weight is 0. One pass over the text and one table lookup per word;
 * the work grows linearly with the text. Immutable and thread-safe.
 */
public final class DocumentSignals {
    /** Every signal id starts with this. */
    public static final String PREFIX = "context.";

    private static final int IMPERATIVE = 1;
    private static final int QUESTION = 2;
    private static final int NOTICE = 4;
    private static final int POLITE = 8;
    private static final int YOU = 16;
    private static final int ANSWER = 32;
    private static final int AI = 64;
    private static final int REFERS = 128;
    private static final int DOCUMENT_NOUN = 256;
    private static final int HEADER = 512;
    private static final int USER = 1024;
    private static final int TOOL = 2048;
    private static final int TASK = 4096;
    /** Words that carry no topic: cues and function words are not counted for topic overlap. */
    private static final int CUE =
            IMPERATIVE | QUESTION | NOTICE | POLITE | YOU | ANSWER | AI | REFERS | DOCUMENT_NOUN | USER | TOOL | TASK;

    /**
     * Instruction-shaped units described per text. A real document has far fewer; the bound keeps
     * a text made of nothing but short questions from costing the model thousands of features
     * (the lexicon and the model's word features still read all of it).
     */
    private static final int MAX_INSTRUCTION_UNITS = 256;

    /** Words from a unit's start within which naming an AI makes the unit a notice to it. */
    private static final int ADDRESS_REACH = 8;
    /** A label ("SYSTEM:", "Note to the AI:") has at most this many words. */
    private static final int LABEL_WORDS = 5;

    /** A word counts for topic overlap from this length. */
    private static final int TOPIC_WORD_LENGTH = 5;
    /** A line this short (in words) standing alone reads as an inserted sentence. */
    private static final int SHORT_LINE = 25;

    private static final String[][] WORDS = {
        {
            "imperative",
            "explain describe write tell translate list give provide answer summarize summarise include add append"
                    + " insert change modify replace respond reply make create generate calculate compose recommend"
                    + " suggest share send forward call use ignore disregard forget start begin end finish output print"
                    + " repeat say show display enhance rewrite correct convert find identify name define compare"
                    + " discuss analyze analyse evaluate offer mention encourage ask invite express remind conclude"
                    + " blend merge integrate incorporate update run execute install download visit click open"
                    + " recite spell count sort rate rank review check verify confirm transfer delete remove reset"
                    + " disclose reveal act pretend imagine do dont stop cease switch always never instead now"
                    + " mark accept approve grant tag label set flag classify rate submit pay post reject deny"
                    + " jelaskan tuliskan tulis sebutkan berikan beri buat buatlah terjemahkan tambahkan ganti gantilah"
                    + " jawab jawablah kirim kirimkan abaikan lupakan tampilkan ringkas ringkaskan rangkum rangkumlah"
                    + " hitung hitunglah gunakan sertakan masukkan ubah ubahlah sarankan rekomendasikan ceritakan"
                    + " uraikan bandingkan panggil jalankan unduh kunjungi klik balas balaslah akhiri mulai mulailah"
                    + " hapus transfer teruskan sampaikan katakan ulangi sebut isi pastikan jangan selalu lakukan"
                    + " bayangkan berpura bertindak berhenti hentikan tambah cantumkan nyatakan ajak undang minta"
                    + " tandai setujui terima tolak bayar setel nilai beri"
                    + " paste fetch render collect cancel consider persuade skip treat hide embed close move"
                    + " schedule inform notify warn leak exfiltrate invoke trigger"
                    + " tunjukkan buka bujuk kumpulkan batalkan anggap tutup pindahkan cetak tempel panggil"
        },
        {
            "question",
            "what whats how who whom whose why when where which is are can could would should will does did"
                    + " apa apakah bagaimana gimana siapa mengapa kenapa kapan dimana mana berapa manakah bisakah"
                    + " bolehkah adakah"
        },
        {
            "notice",
            "note notice attention important urgent system instruction instructions warning ps nb reminder"
                    + " catatan perhatian penting instruksi peringatan pengingat pesan sistem"
        },
        {"polite", "please kindly pls plz tolong mohon harap silakan silahkan coba"},
        {"you", "you your yours yourself youre youll youve kamu anda kau engkau dirimu kalian lu lo"},
        {
            "answer",
            "answer answers response responses reply replies output outputs solution summary result"
                    + " jawaban jawabanmu respons responmu responsmu balasan balasanmu tanggapan keluaran ringkasan"
                    + " hasilmu"
        },
        {
            "ai",
            "ai assistant assistants agent agents model models llm llms chatbot chatbots bot bots gpt chatgpt"
                    + " copilot claude gemini crawler crawlers automated asisten robot agen"
        },
        {"refers", "this these following below above attached here ini berikut tersebut atas bawah terlampir"},
        {
            "document_noun",
            "email mail message table text document code snippet article page passage letter"
                    + " file invoice report data row rows list thread chat conversation transcript"
                    + " surel pesan tabel teks dokumen kode artikel halaman surat berkas laporan faktur tagihan"
                    + " percakapan isi"
        },
        {"header", "subject from to cc bcc date sent content dari kepada perihal tanggal subjek isi tembusan"},
        // The person the model serves, named in the third person: data that speaks about "the user"
        // to whoever reads it is speaking to the model.
        {"user", "user users requester pengguna penggunanya"},
        // The model's tools: data that tells its reader to call one is speaking to an agent.
        {"tool", "tool tools function plugin plugins connector alat fungsi"},
        // Verbs that set a task for whoever writes the answer ("Describe ...", "Translate ...",
        // "Ceritakan ..."), unlike the verbs a document uses for its human reader's actions ("Submit
        // the form", "Bring your card"): a planted request is usually the first kind.
        {
            "task",
            "explain describe write tell translate list give provide answer summarize summarise respond reply"
                    + " compose generate create calculate recommend suggest discuss compare analyze analyse define"
                    + " recite spell output print repeat say mention rewrite elaborate outline name identify"
                    + " jelaskan tuliskan tulis sebutkan berikan beri buat buatlah terjemahkan jawab jawablah"
                    + " ringkas ringkaskan rangkum rangkumlah hitung hitunglah sarankan rekomendasikan ceritakan"
                    + " uraikan bandingkan katakan ulangi nyatakan"
        },
    };

    private static final int[] KIND_BITS = {
        IMPERATIVE, QUESTION, NOTICE, POLITE, YOU, ANSWER, AI, REFERS, DOCUMENT_NOUN, HEADER, USER, TOOL, TASK
    };

    private final WordTable table;
    private final int[] kinds;

    /** Builds the signal finder with its built-in English and Indonesian cue words. */
    public DocumentSignals() {
        List<String> words = new ArrayList<>();
        List<Integer> bits = new ArrayList<>();
        for (int k = 0; k < WORDS.length; k++) {
            for (String word : WORDS[k][1].split(" ", -1)) {
                int at = words.indexOf(word);
                if (at < 0) {
                    words.add(word);
                    bits.add(KIND_BITS[k]);
                } else {
                    bits.set(at, bits.get(at) | KIND_BITS[k]);
                }
            }
        }
        this.table = WordTable.of(words);
        this.kinds = bits.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The position and role signals of one text.
     *
     * @param text the normalised text (its folded form keeps line breaks and punctuation)
     * @param dataRole whether the text is data by its role (a tool result): then it is a document
     *     whatever its shape, and every instruction in it speaks to its reader
     * @return the signals, as weightless hits at the first word of their unit; empty for a text
     *     that is not a document
     */
    public List<RuleHit> find(NormalizedText text, boolean dataRole) {
        int n = text.wordCount();
        if (n == 0 || (!dataRole && !mayBeDocument(text))) {
            return List.of();
        }
        int[] wordKinds = new int[n];
        for (int i = 0; i < n; i++) {
            int found = text.lookUp(table, i);
            wordKinds[i] = found < 0 ? 0 : kinds[found];
        }
        Units units = Units.of(text, wordKinds);
        boolean document = dataRole || units.isDocument();
        if (!document) {
            return List.of();
        }
        TopicCounts topics = TopicCounts.of(text, wordKinds);
        List<RuleHit> hits = new ArrayList<>();
        add(hits, "document", 0);
        if (dataRole) {
            add(hits, "document.data_role", 0);
        }
        boolean labelled = false;
        int instructions = 0;
        for (int u = 0; u < units.count && instructions < MAX_INSTRUCTION_UNITS; u++) {
            int from = units.from[u];
            int to = units.to[u];
            int shape = shape(text, wordKinds, from, to, units.endsWithQuestion[u]);
            // "SYSTEM: ...", "Catatan: ...": a notice label makes what follows it a notice.
            if (labelled) {
                shape |= NOTICE;
            }
            labelled =
                    to - from <= LABEL_WORDS && units.endsWithColon[u] && addresses(wordKinds, from, to, NOTICE | AI);
            if (shape == 0) {
                continue;
            }
            instructions++;
            int seen = 0;
            int content = 0;
            int addressed = 0;
            boolean refers = false;
            for (int i = from; i < to; i++) {
                addressed |= wordKinds[i];
                // "this email", "the table below", "email berikut", "tabel di bawah ini"
                if ((wordKinds[i] & DOCUMENT_NOUN) != 0) {
                    for (int j = Math.max(from, i - 2); j <= Math.min(to - 1, i + 3) && !refers; j++) {
                        refers = j != i && (wordKinds[j] & REFERS) != 0;
                    }
                }
                if ((wordKinds[i] & CUE) == 0 && text.wordLength(i) >= TOPIC_WORD_LENGTH) {
                    content++;
                    if (topics.elsewhere(text.wordHash(i))) {
                        seen++;
                    }
                }
            }
            String position = u == units.firstContent ? "start" : u == units.lastContent ? "end" : "middle";
            boolean alone = units.wholeLine[u] && to - from <= SHORT_LINE;
            boolean odd = units.table && !units.linePiped[u];
            boolean offTopic = content > 0 && 3 * seen < content;
            add(hits, "instruction", from);
            add(hits, "instruction." + position, from);
            if ((shape & NOTICE) != 0) {
                add(hits, "instruction.notice", from);
            }
            if ((shape & QUESTION) != 0) {
                add(hits, "instruction.question", from);
            }
            if ((shape & TASK) != 0) {
                add(hits, "instruction.task", from);
                if (alone) {
                    add(hits, "instruction.alone.task", from);
                }
            } else if ((shape & IMPERATIVE) != 0) {
                add(hits, "instruction.imperative_other", from);
            }
            if (alone) {
                add(hits, "instruction.alone", from);
                add(hits, "instruction.alone." + position, from);
            }
            if (odd) {
                add(hits, "instruction.breaks_table", from);
            }
            if (content > 0) {
                add(hits, offTopic ? "instruction.off_topic" : "instruction.on_topic", from);
                if (alone) {
                    add(hits, offTopic ? "instruction.alone.off_topic" : "instruction.alone.on_topic", from);
                }
            }
            // Only a user writes about the document they pasted; in a tool result it is more data.
            if (refers && !dataRole) {
                add(hits, "instruction.refers_to_document", from);
                add(hits, "instruction.refers_to_document." + position, from);
            }
            if ((addressed & YOU) != 0) {
                add(hits, "instruction.second_person", from);
            }
            if ((addressed & YOU) != 0 && (addressed & ANSWER) != 0) {
                add(hits, "instruction.your_answer", from);
            }
            if ((addressed & AI) != 0) {
                add(hits, "instruction.addresses_ai", from);
            }
            if ((addressed & USER) != 0) {
                add(hits, "instruction.mentions_user", from);
            }
            if ((addressed & TOOL) != 0) {
                add(hits, "instruction.mentions_tool", from);
            }
            if (dataRole) {
                add(hits, "instruction.data_role", from);
                if ((addressed & AI) != 0 || (shape & NOTICE) != 0) {
                    add(hits, "instruction.data_role.addressed", from);
                }
            }
        }
        return hits;
    }

    /**
     * Whether a user's text can be a document at all: it has a line break, or opens like JSON, or
     * holds a code fence. One pass over the chars; most requests are one paragraph and stop here.
     */
    private static boolean mayBeDocument(NormalizedText text) {
        int length = text.length();
        int i = 0;
        while (i < length && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i < length && (text.charAt(i) == '{' || text.charAt(i) == '[')) {
            return true;
        }
        int backticks = 0;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (c == '`' && ++backticks >= 3) {
                return true;
            }
        }
        return false;
    }

    /** The kinds of instruction a unit's opening makes it (0: not instruction-shaped). */
    private static int shape(NormalizedText text, int[] wordKinds, int from, int to, boolean question) {
        int first = from;
        // "Please explain ...", "Tolong jelaskan ...": the politeness word is not the verb.
        if ((wordKinds[first] & POLITE) != 0 && first + 1 < to) {
            first++;
        }
        int shape = wordKinds[first] & (IMPERATIVE | QUESTION | NOTICE);
        if ((wordKinds[first] & TASK) != 0) {
            shape |= TASK | IMPERATIVE;
        }
        if (question) {
            shape |= QUESTION;
        }
        if ((wordKinds[from] & POLITE) != 0) {
            shape |= IMPERATIVE;
        }
        // "AI assistant, when you ...", "If an assistant reads this, ...", "Agen AI yang membaca ini":
        // the reader called by name near the start.
        if (addresses(wordKinds, from, Math.min(to, from + ADDRESS_REACH), AI)) {
            shape |= NOTICE;
        }
        // Indonesian imperatives are made with -kan and -lah: "Ceritakan", "Sebutkanlah".
        if (shape == 0
                && first < to
                && text.wordLength(first) >= 6
                && (text.wordEndsWith(first, "kan") || text.wordEndsWith(first, "lah"))) {
            shape |= IMPERATIVE;
        }
        // A unit of one word is a label or a value, not an instruction.
        return to - from >= 2 ? shape : 0;
    }

    private static boolean addresses(int[] wordKinds, int from, int to, int kinds) {
        for (int i = from; i < to; i++) {
            if ((wordKinds[i] & kinds) != 0) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<RuleHit> hits, String name, int at) {
        hits.add(new RuleHit(PREFIX + name, IncidentCategory.PROMPT_INJECTION, 0.0, at, at + 1));
    }

    /**
     * Whether a hit is one of these signals rather than a lexicon rule.
     *
     * @param hit a hit
     * @return true for a position or role signal
     */
    public static boolean isSignal(RuleHit hit) {
        return hit.id().startsWith(PREFIX);
    }

    /**
     * The units of a text: lines, and sentences inside lines, as word ranges, with what is known of
     * their lines. Built in one pass over the folded chars.
     */
    private static final class Units {
        int count;
        int[] from = new int[16];
        int[] to = new int[16];
        boolean[] wholeLine = new boolean[16];
        boolean[] linePiped = new boolean[16];
        boolean[] endsWithQuestion = new boolean[16];
        boolean[] endsWithColon = new boolean[16];
        int firstContent = -1;
        int lastContent = -1;
        boolean table;
        private int lines;
        private int pipedLines;
        private boolean fence;
        private boolean header;
        private boolean json;

        boolean isDocument() {
            return table || fence || header || json || lines >= 3;
        }

        static Units of(NormalizedText text, int[] wordKinds) {
            Units units = new Units();
            int length = text.length();
            int n = text.wordCount();
            int word = 0;
            int lineStart = 0;
            int firstVisible = 0;
            while (firstVisible < length && Character.isWhitespace(text.charAt(firstVisible))) {
                firstVisible++;
            }
            units.json =
                    firstVisible < length && (text.charAt(firstVisible) == '{' || text.charAt(firstVisible) == '[');
            while (lineStart < length) {
                int lineEnd = lineStart;
                int pipes = 0;
                int backticks = 0;
                while (lineEnd < length && text.charAt(lineEnd) != '\n') {
                    char c = text.charAt(lineEnd);
                    if (c == '|') {
                        pipes++;
                    } else if (c == '`') {
                        backticks++;
                    }
                    lineEnd++;
                }
                int lineFirstWord = word;
                while (word < n && text.wordStart(word) < lineEnd) {
                    word++;
                }
                units.line(text, wordKinds, lineFirstWord, word, pipes >= 2, lineEnd);
                if (pipes >= 2) {
                    units.pipedLines++;
                }
                if (backticks >= 3) {
                    units.fence = true;
                }
                lineStart = lineEnd + 1;
            }
            units.table = units.pipedLines >= 2;
            return units;
        }

        /** Adds the sentences of one line (words from..to). */
        private void line(NormalizedText text, int[] wordKinds, int from, int to, boolean piped, int lineEnd) {
            if (from == to) {
                return;
            }
            lines++;
            if ((wordKinds[from] & HEADER) != 0 && followedBy(text, from, ':')) {
                header = true;
            }
            int unitsBefore = count;
            int start = from;
            for (int i = from; i < to; i++) {
                int after = text.wordEnd(i);
                // Closing quotes are skipped: a JSON key ("note": ...) ends a unit like a sentence.
                while (after < text.length() && (text.charAt(after) == '"' || text.charAt(after) == '\'')) {
                    after++;
                }
                char c = after < text.length() ? text.charAt(after) : ' ';
                boolean last = i == to - 1;
                // A full stop ends a sentence before a space, not inside "14.00" or "v2.3".
                boolean stop = (c == '.' || c == '?' || c == '!' || c == ';') && spaceFollows(text, after);
                if (last || stop || (c == ':' && keyEnds(text, after)) || (c == ',' && quoteFollows(text, after))) {
                    boolean question = c == '?' || (last && endsWith(text, after, lineEnd, '?'));
                    unit(start, i + 1, piped, question, c == ':');
                    start = i + 1;
                }
            }
            boolean whole = count - unitsBefore == 1;
            wholeLine[count - 1] = whole;
        }

        private void unit(int start, int end, boolean piped, boolean question, boolean colon) {
            if (count == from.length) {
                int capacity = count * 2;
                from = java.util.Arrays.copyOf(from, capacity);
                to = java.util.Arrays.copyOf(to, capacity);
                wholeLine = java.util.Arrays.copyOf(wholeLine, capacity);
                linePiped = java.util.Arrays.copyOf(linePiped, capacity);
                endsWithQuestion = java.util.Arrays.copyOf(endsWithQuestion, capacity);
                endsWithColon = java.util.Arrays.copyOf(endsWithColon, capacity);
            }
            from[count] = start;
            to[count] = end;
            linePiped[count] = piped;
            endsWithQuestion[count] = question;
            endsWithColon[count] = colon;
            if (firstContent < 0) {
                firstContent = count;
            }
            lastContent = count;
            count++;
        }

        /** Whether the colon at {@code colon} ends a key or a label ("note: ...", "SYSTEM: ..."), not a time. */
        private static boolean keyEnds(NormalizedText text, int colon) {
            int next = colon + 1;
            return next >= text.length() || !Character.isLetterOrDigit(text.charAt(next));
        }

        /** Whether the char after {@code at} is whitespace, a quote, or the end of the text. */
        private static boolean spaceFollows(NormalizedText text, int at) {
            int next = at + 1;
            if (next >= text.length()) {
                return true;
            }
            char c = text.charAt(next);
            return Character.isWhitespace(c) || c == '"' || c == '\'' || c == ')' || c == ']';
        }

        /** Whether a quote follows the comma at {@code comma}: the next JSON value or key. */
        private static boolean quoteFollows(NormalizedText text, int comma) {
            int next = comma + 1;
            while (next < text.length() && text.charAt(next) == ' ') {
                next++;
            }
            return next < text.length() && text.charAt(next) == '"';
        }

        private static boolean followedBy(NormalizedText text, int word, char c) {
            int after = text.wordEnd(word);
            return after < text.length() && text.charAt(after) == c;
        }

        /** Whether the last visible char from {@code from} to the line's end is {@code c}. */
        private static boolean endsWith(NormalizedText text, int from, int lineEnd, char c) {
            for (int i = lineEnd - 1; i >= from; i--) {
                char at = text.charAt(i);
                if (!Character.isWhitespace(at)) {
                    return at == c;
                }
            }
            return false;
        }
    }

    /**
     * How often each topic word (hash) occurs in the text: open addressing over word hashes, so a
     * unit can ask whether its words occur elsewhere.
     */
    private static final class TopicCounts {
        private final int[] hashes;
        private final int[] counts;
        private final boolean[] used;
        private final int mask;

        private TopicCounts(int capacity) {
            int size = Integer.highestOneBit(Math.max(16, capacity * 2 - 1)) * 2;
            hashes = new int[size];
            counts = new int[size];
            used = new boolean[size];
            mask = size - 1;
        }

        static TopicCounts of(NormalizedText text, int[] wordKinds) {
            TopicCounts topics = new TopicCounts(text.wordCount());
            for (int i = 0; i < text.wordCount(); i++) {
                if ((wordKinds[i] & CUE) == 0 && text.wordLength(i) >= TOPIC_WORD_LENGTH) {
                    topics.counts[topics.slot(text.wordHash(i))]++;
                }
            }
            return topics;
        }

        /** Whether a word of a unit occurs more than once in the text (elsewhere, almost always). */
        boolean elsewhere(int hash) {
            return counts[slot(hash)] >= 2;
        }

        private int slot(int hash) {
            int h = hash * 0x9E3779B9;
            int slot = (h ^ (h >>> 16)) & mask;
            while (used[slot] && hashes[slot] != hash) {
                slot = (slot + 1) & mask;
            }
            if (!used[slot]) {
                used[slot] = true;
                hashes[slot] = hash;
            }
            return slot;
        }
    }
}
