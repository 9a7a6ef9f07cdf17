package io.monago.atrium.guard.redact;

import io.monago.atrium.guard.TextSegment;
import io.monago.atrium.guard.pii.PiiPolicy;
import io.monago.atrium.guard.pii.PiiScanner;
import io.monago.atrium.guard.pii.PiiSummary;
import io.monago.atrium.guard.pii.PiiVerdict;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scan, decide and redact in one call. The gateway uses it on answers; on requests it runs the same
 * three pieces as separate governance steps, because security analysis and policy sit between them.
 * Immutable and thread-safe; the per-request state lives in the {@link RedactionSession}.
 *
 * <pre>{@code
 * PiiRedactor redactor = PiiRedactor.of(PiiScanner.defaults(), workspacePolicy);   // once
 *
 * RedactionSession session = RedactionSession.reversible();                          // per request
 * RedactedRequest request = redactor.redactRequest(segments, session);
 * if (request.summary().blocked()) {
 *     reject(400, "pii_blocked", request.summary().blockReason().orElseThrow());
 * }
 * forward(request.segments());            // each RedactedSegment: path, role, redacted text
 *
 * RedactedText answer = redactor.redactOutput(upstreamAnswer, session);
 * reply(session.restore(answer.text()));   // the caller sees its own values again
 * headers(request.summary(), answer.summary());
 * }</pre>
 */
public final class PiiRedactor {
    private final PiiScanner scanner;
    private final PiiPolicy policy;

    private PiiRedactor(PiiScanner scanner, PiiPolicy policy) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Combines a scanner and a policy.
     *
     * @param scanner the scanner
     * @param policy the policy, e.g. a workspace's
     * @return the redactor
     */
    public static PiiRedactor of(PiiScanner scanner, PiiPolicy policy) {
        return new PiiRedactor(scanner, policy);
    }

    /**
     * Scans every text of a request and redacts what must not leave: findings to redact and, so
     * that a blocked request can be stored redacted, findings that block.
     *
     * @param segments every text the model would see: contents, names, tool arguments and results
     * @param session the request's session, shared with {@link #redactOutput}
     * @return the redacted segments, in order, and the request's summary
     */
    public RedactedRequest redactRequest(List<TextSegment> segments, RedactionSession session) {
        List<RedactedSegment> out = new ArrayList<>(segments.size());
        PiiSummary summary = PiiSummary.empty();
        for (TextSegment segment : segments) {
            PiiVerdict verdict = policy.evaluate(scanner.scan(segment.text()));
            out.add(new RedactedSegment(segment, session.redact(segment.text(), verdict.toReplace()), verdict));
            summary = summary.plus(verdict.summary());
        }
        return new RedactedRequest(out, summary);
    }

    /**
     * Scans a model's answer and redacts the personal data it produced, blocking types included
     * (too late to block). Do this before restoring the request's placeholders.
     *
     * @param answer the answer as the upstream sent it
     * @param session the request's session
     * @return the redacted answer and its summary
     */
    public RedactedText redactOutput(CharSequence answer, RedactionSession session) {
        PiiVerdict verdict = policy.evaluate(scanner.scan(answer));
        if (verdict.redact().isEmpty() && verdict.block().isEmpty()) {
            return new RedactedText(answer.toString(), verdict);
        }
        return new RedactedText(session.redactOutput(answer, verdict.toReplace()), verdict);
    }

    /**
     * Like {@link #redactOutput(CharSequence, RedactionSession)}, for the next piece of an answer
     * whose earlier text was already sent: that text is read as context (a context word before a
     * number makes the number certain) but neither counted nor redacted again.
     *
     * @param context the end of the answer already sent
     * @param answer the next piece, as the upstream sent it
     * @param session the request's session
     * @return the redacted piece and its summary
     */
    public RedactedText redactOutput(CharSequence context, CharSequence answer, RedactionSession session) {
        if (context.length() == 0) {
            return redactOutput(answer, session);
        }
        List<PiiFinding> found = scanner.scan(context.toString() + answer);
        return redactPiece(answer, findingsOf(found, context.length(), answer.length()), session);
    }

    /** Scans a text; {@link StreamingRedactor} decides by the findings where a piece may end. */
    List<PiiFinding> scan(CharSequence text) {
        return scanner.scan(text);
    }

    /**
     * The findings of a text that fall in the piece at {@code [offset, offset + length)}, in the
     * piece's offsets. One that began before the piece is cut to its part in it (the rest was sent,
     * redacted, with the text before), one that runs past its end to its part in it.
     */
    static List<PiiFinding> findingsOf(List<PiiFinding> found, int offset, int length) {
        List<PiiFinding> own = new ArrayList<>();
        for (PiiFinding f : found) {
            int start = Math.max(0, f.start() - offset);
            int end = Math.min(length, f.end() - offset);
            if (start < end) {
                own.add(new PiiFinding(f.type(), start, end, f.confidence(), f.rule()));
            }
        }
        return own;
    }

    /** Decides on a piece's own findings and redacts what must not be sent. */
    RedactedText redactPiece(CharSequence piece, List<PiiFinding> own, RedactionSession session) {
        PiiVerdict verdict = policy.evaluate(own);
        if (verdict.redact().isEmpty() && verdict.block().isEmpty()) {
            return new RedactedText(piece.toString(), verdict);
        }
        return new RedactedText(session.redactOutput(piece, verdict.toReplace()), verdict);
    }

    /**
     * One text segment after redaction.
     *
     * @param segment the original segment; its text holds the values, keep it away from logs
     * @param redactedText the text to forward (and to store, when prompts are stored)
     * @param verdict what the policy decided about the segment's findings
     */
    public record RedactedSegment(TextSegment segment, String redactedText, PiiVerdict verdict) {
        /**
         * Validates that no component is null.
         *
         * @param segment the original segment
         * @param redactedText the text to forward
         * @param verdict the policy's verdict
         */
        public RedactedSegment {
            Objects.requireNonNull(segment, "segment");
            Objects.requireNonNull(redactedText, "redactedText");
            Objects.requireNonNull(verdict, "verdict");
        }

        /** Shows the path, role and redacted text; never the original text. */
        @Override
        public String toString() {
            return "RedactedSegment[" + segment.path() + ", " + segment.role() + ", " + redactedText + "]";
        }
    }

    /**
     * A request after redaction.
     *
     * @param segments the segments, in the order given
     * @param summary counts per type and action over all segments, for headers and the audit record
     */
    public record RedactedRequest(List<RedactedSegment> segments, PiiSummary summary) {
        /**
         * Copies the list.
         *
         * @param segments the redacted segments
         * @param summary the request's summary
         */
        public RedactedRequest {
            segments = List.copyOf(segments);
            Objects.requireNonNull(summary, "summary");
        }
    }

    /**
     * An answer after redaction.
     *
     * @param text the redacted answer; restore the request's placeholders before replying
     * @param verdict what the policy decided about the answer's findings
     */
    public record RedactedText(String text, PiiVerdict verdict) {
        /**
         * Validates that no component is null.
         *
         * @param text the redacted answer
         * @param verdict the policy's verdict
         */
        public RedactedText {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(verdict, "verdict");
        }

        /**
         * Counts per type and action in the answer.
         *
         * @return the summary
         */
        public PiiSummary summary() {
            return verdict.summary();
        }
    }
}
