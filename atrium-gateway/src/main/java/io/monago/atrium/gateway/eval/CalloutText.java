package io.monago.atrium.gateway.eval;

import io.monago.atrium.guard.pii.PiiScanner;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The text a callout may carry: every PII value the scanner finds replaced by its type in
 * brackets ({@code [NIK]}), whatever the workspace's policy does with it. The request was
 * already redacted by policy, but values a policy only flags or allows are forwarded as they are,
 * and a reversible workspace's answer holds the caller's own values again: neither may leave for
 * a third party.
 *
 * <pre>{@code
 * new CalloutText(scanner).redact("NIK 3201...") // "NIK [NIK]"
 * }</pre>
 */
public final class CalloutText {
    private final PiiScanner scanner;

    /**
     * Creates the redactor.
     *
     * @param scanner the gateway's PII scanner
     */
    public CalloutText(PiiScanner scanner) {
        this.scanner = scanner;
    }

    /**
     * Redacts every finding.
     *
     * @param text the text
     * @return the text with each PII value replaced by {@code [TYPE]}
     */
    public String redact(String text) {
        List<PiiFinding> findings = new ArrayList<>(scanner.scan(text));
        if (findings.isEmpty()) {
            return text;
        }
        findings.sort(Comparator.comparingInt(PiiFinding::start));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (PiiFinding f : findings) {
            if (f.start() < at) {
                // Overlaps a finding already replaced: extend the cut, never print its tail.
                at = Math.max(at, f.end());
                continue;
            }
            out.append(text, at, f.start()).append('[').append(f.type().name()).append(']');
            at = f.end();
        }
        out.append(text, Math.min(at, text.length()), text.length());
        return out.toString();
    }
}
