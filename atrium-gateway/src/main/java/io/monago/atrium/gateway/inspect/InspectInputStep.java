package io.monago.atrium.gateway.inspect;

import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.pipeline.GovernanceStep;
import io.monago.atrium.gateway.policy.WorkspacePolicy;
import io.monago.atrium.gateway.policy.Workspaces;
import io.monago.atrium.guard.TextSegment;
import io.monago.atrium.guard.pii.PiiFinding;
import io.monago.atrium.guard.pii.PiiScanner;
import io.monago.atrium.guard.security.ScanStats;
import io.monago.atrium.guard.security.SecurityReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 4: runs the guard over every text the model would see: PII in each text, prompt attacks
 * over the conversation (the workspace decides which roles are trusted). Finds; decides nothing.
 */
public final class InspectInputStep implements GovernanceStep {

    /** The report of a workspace that acts on no attack category: the analysis is skipped. */
    private static final SecurityReport NOT_ANALYSED = SecurityReport.of(List.of(), new ScanStats(0, 0, 0, 0, 0));

    private final PiiScanner scanner;
    private final Workspaces workspaces;

    /**
     * Creates the step.
     *
     * @param scanner the PII scanner
     * @param workspaces the workspaces, for their security analyzers
     */
    public InspectInputStep(PiiScanner scanner, Workspaces workspaces) {
        this.scanner = scanner;
        this.workspaces = workspaces;
    }

    @Override
    public Optional<Rejection> apply(Exchange exchange) {
        WorkspacePolicy ws = workspaces.require(exchange);
        List<TextSlot> slots = ConversationTexts.of(exchange.body());
        List<List<PiiFinding>> findings = new ArrayList<>(slots.size());
        List<TextSegment> segments = new ArrayList<>(slots.size());
        for (TextSlot slot : slots) {
            findings.add(scanner.scan(slot.segment().text()));
            segments.add(slot.segment());
        }
        SecurityReport security = ws.analysesSecurity() ? ws.analyzer().analyze(segments) : NOT_ANALYSED;
        exchange.inspection(new Inspection(slots, findings, security));
        return Optional.empty();
    }
}
