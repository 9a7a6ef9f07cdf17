package io.monago.atrium.guard.pii.scan;

import io.monago.atrium.guard.pii.entity.PiiFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Values split between two texts of one conversation ({@code "NIK saya 3201234567"}, then {@code
 * "890123"}): a model reads the conversation as one text, so the scanner reads where two texts meet
 * as one too. The end of one text and the start of the next are read together, joined directly and
 * joined by a space; a value found across the join is reported in both texts, each its own part.
 */
final class SplitValues {
    /** How much of each side of a join is read: more than any value and its context word. */
    private static final int REACH = 64;

    private static final String[] JOINERS = {"", " "};

    private SplitValues() {}

    /**
     * Scans texts in order, adding the parts of values split between neighbours.
     *
     * @param engine the engine
     * @param texts the texts, in conversation order
     * @return each text's findings, in text order, with offsets into that text
     */
    static List<List<PiiFinding>> scan(ScanEngine engine, List<? extends CharSequence> texts) {
        List<List<PiiFinding>> out = new ArrayList<>(texts.size());
        for (CharSequence text : texts) {
            out.add(engine.scan(text));
        }
        for (int i = 0; i + 1 < texts.size(); i++) {
            join(engine, texts.get(i), texts.get(i + 1), out, i);
        }
        return out;
    }

    private static void join(ScanEngine engine, CharSequence a, CharSequence b, List<List<PiiFinding>> out, int i) {
        int aEnd = a.length();
        while (aEnd > 0 && Character.isWhitespace(a.charAt(aEnd - 1))) {
            aEnd--;
        }
        int bStart = 0;
        while (bStart < b.length() && Character.isWhitespace(b.charAt(bStart))) {
            bStart++;
        }
        if (aEnd == 0 || bStart == b.length()) {
            return;
        }
        int tailStart = Math.max(0, aEnd - REACH);
        int headEnd = Math.min(b.length(), bStart + REACH);
        String tail = a.subSequence(tailStart, aEnd).toString();
        String head = b.subSequence(bStart, headEnd).toString();
        for (String joiner : JOINERS) {
            int headAt = tail.length() + joiner.length();
            for (PiiFinding f : engine.scan(tail + joiner + head)) {
                if (f.start() < tail.length() && f.end() > headAt) {
                    PiiFinding first =
                            new PiiFinding(f.type(), tailStart + f.start(), aEnd, f.confidence(), f.rule() + ".split");
                    PiiFinding second = new PiiFinding(
                            f.type(), bStart, bStart + f.end() - headAt, f.confidence(), f.rule() + ".split");
                    if (fits(out.get(i), first) && fits(out.get(i + 1), second)) {
                        out.set(i, with(out.get(i), first));
                        out.set(i + 1, with(out.get(i + 1), second));
                        return;
                    }
                }
            }
        }
    }

    /**
     * Whether a part can stand in its text: what it overlaps of the text's own findings lies wholly
     * inside it ({@code "HP 0812 3456"} read alone is a shorter number than the one split).
     */
    private static boolean fits(List<PiiFinding> found, PiiFinding part) {
        for (PiiFinding f : found) {
            boolean overlaps = f.start() < part.end() && part.start() < f.end();
            if (overlaps && (f.start() < part.start() || f.end() > part.end())) {
                return false;
            }
        }
        return true;
    }

    /** The findings with the part in place of those it covers, in text order. */
    private static List<PiiFinding> with(List<PiiFinding> found, PiiFinding part) {
        List<PiiFinding> all = new ArrayList<>(found.size() + 1);
        for (PiiFinding f : found) {
            if (!(f.start() < part.end() && part.start() < f.end())) {
                all.add(f);
            }
        }
        all.add(part);
        all.sort(Comparator.comparingInt(PiiFinding::start));
        return List.copyOf(all);
    }
}
