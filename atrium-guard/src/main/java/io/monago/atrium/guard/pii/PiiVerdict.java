package io.monago.atrium.guard.pii;

import io.monago.atrium.guard.pii.entity.PiiFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a {@link PiiPolicy} decided about the findings of a text: which to redact, which block the
 * request, which are only flagged, which are allowed.
 *
 * <pre>{@code
 * PiiVerdict v = policy.evaluate(scanner.scan(text));
 * if (v.blocked()) { reject(v.summary().blockReason().orElseThrow()); }
 * String safe = session.redact(text, v.toReplace());
 * }</pre>
 *
 * @param redact findings to replace before the text leaves
 * @param block findings that refuse the request
 * @param flag findings forwarded but recorded
 * @param allow findings forwarded without action
 */
public record PiiVerdict(
        List<PiiFinding> redact, List<PiiFinding> block, List<PiiFinding> flag, List<PiiFinding> allow) {
    /** The verdict of a text without findings, which most texts are; shared. */
    public static final PiiVerdict NONE = new PiiVerdict(List.of(), List.of(), List.of(), List.of());

    /**
     * Copies the lists.
     *
     * @param redact findings to redact
     * @param block findings that block
     * @param flag findings to flag
     * @param allow findings allowed
     */
    public PiiVerdict {
        redact = List.copyOf(redact);
        block = List.copyOf(block);
        flag = List.copyOf(flag);
        allow = List.copyOf(allow);
    }

    /**
     * Whether the request must be refused.
     *
     * @return true when any finding's rule is {@link PiiAction#BLOCK}
     */
    public boolean blocked() {
        return !block.isEmpty();
    }

    /**
     * Whether a flagged finding makes the decision {@code flagged}.
     *
     * @return true when any finding's rule is {@link PiiAction#FLAG}
     */
    public boolean flagged() {
        return !flag.isEmpty();
    }

    /**
     * Everything that must not leave as it is: the findings to redact and the ones that block, in
     * text order. A forwarded request has no blocking finding, so this is what it redacts; a blocked
     * request is still stored in redacted form; in a model's answer, where blocking is too late,
     * blocking types are redacted.
     *
     * @return findings for {@code RedactionSession.redact}
     */
    public List<PiiFinding> toReplace() {
        List<PiiFinding> all = new ArrayList<>(redact);
        all.addAll(block);
        all.sort(Comparator.comparingInt(PiiFinding::start));
        return List.copyOf(all);
    }

    /**
     * Counts per entity type and action, for headers and the audit record.
     *
     * @return the summary
     */
    public PiiSummary summary() {
        return PiiSummary.of(this);
    }
}
