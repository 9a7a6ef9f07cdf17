package io.monago.atrium.gateway.inspect;

import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.chat.ConversationTexts;
import io.monago.atrium.gateway.chat.TextSlot;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Inspection;
import io.monago.atrium.gateway.workspace.WorkspacePolicy;
import io.monago.atrium.guard.TextSegment;
import io.monago.atrium.guard.pii.PiiScanner;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import io.monago.atrium.guard.security.ScanStats;
import io.monago.atrium.guard.security.SecurityReport;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the guard over every text the model would see: PII in each text, prompt attacks over the
 * conversation (the workspace decides which roles are trusted). Finds; decides nothing. A large
 * request is inspected on the worker pool while the event loop serves other calls.
 */
public final class InspectInputFilter implements Filter {

    /** The report of a workspace that acts on no attack category: the analysis is skipped. */
    private static final SecurityReport NOT_ANALYSED = SecurityReport.of(List.of(), new ScanStats(0, 0, 0, 0, 0));

    private final PiiScanner scanner;
    private final Offload offload;

    /**
     * Creates the filter.
     *
     * @param scanner the PII scanner
     * @param offload moves inspecting a large request off the event loop
     */
    public InspectInputFilter(PiiScanner scanner, Offload offload) {
        this.scanner = scanner;
        this.offload = offload;
    }

    @Override
    public Future<Step> onRequest(Exchange exchange) {
        WorkspacePolicy ws = exchange.workspace();
        List<TextSlot> slots = ConversationTexts.of(exchange.body());
        long chars = 0;
        for (TextSlot s : slots) {
            chars += s.segment().text().length();
        }
        return offload.run(chars, () -> inspect(ws, slots)).map(inspection -> {
            exchange.inspection(inspection);
            return Step.CONTINUE;
        });
    }

    /** Reads only the texts it is given, so it may run on any thread. */
    private Inspection inspect(WorkspacePolicy ws, List<TextSlot> slots) {
        List<List<PiiFinding>> findings = new ArrayList<>(slots.size());
        List<TextSegment> segments = new ArrayList<>(slots.size());
        for (TextSlot slot : slots) {
            findings.add(scanner.scan(slot.segment().text()));
            segments.add(slot.segment());
        }
        SecurityReport security = ws.analysesSecurity() ? ws.analyzer().analyze(segments) : NOT_ANALYSED;
        return new Inspection(slots, findings, security);
    }
}
