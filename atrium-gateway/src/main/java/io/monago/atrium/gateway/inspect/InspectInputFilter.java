package io.monago.atrium.gateway.inspect;

import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.chat.ConversationTexts;
import io.monago.atrium.gateway.chat.ForwardedStrings;
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
 * Runs the guard over every string the caller sent that leaves the gateway or stays on its record:
 * PII in each (the conversation, every other string of the body, the tags that came by header),
 * prompt attacks over the conversation (the workspace decides which roles are trusted). Finds;
 * decides nothing. A large request is inspected on the worker pool while the event loop serves
 * other calls.
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
        List<TextSlot> conversation = ConversationTexts.of(exchange.body());
        List<TextSlot> slots = new ArrayList<>(conversation);
        slots.addAll(ForwardedStrings.of(exchange.body(), conversation));
        slots.addAll(exchange.headerTexts());
        long chars = 0;
        for (TextSlot s : slots) {
            chars += s.segment().text().length();
        }
        int conversationSize = conversation.size();
        return offload.run(chars, () -> inspect(ws, slots, conversationSize)).map(inspection -> {
            exchange.inspection(inspection);
            return Step.CONTINUE;
        });
    }

    /**
     * Reads only the texts it is given, so it may run on any thread. Every text is read for PII;
     * the conversation (the first {@code conversationSize} slots, what the model reads as its
     * prompt) is also read for prompt attacks.
     */
    private Inspection inspect(WorkspacePolicy ws, List<TextSlot> slots, int conversationSize) {
        List<List<PiiFinding>> findings = new ArrayList<>(slots.size());
        List<TextSegment> conversation = new ArrayList<>(conversationSize);
        List<Integer> messageTexts = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            TextSlot slot = slots.get(i);
            if (i < conversationSize && isMessageText(slot)) {
                messageTexts.add(i);
                findings.add(List.of()); // read below, with its neighbours
            } else {
                findings.add(owned(slot, scanner.scan(slot.segment().text())));
            }
            if (i < conversationSize) {
                conversation.add(slot.segment());
            }
        }
        // The messages' texts are read in order as the model reads them: a value split between two
        // messages ("NIK saya 3201234567", then "890123") is found in both.
        List<String> texts = new ArrayList<>(messageTexts.size());
        for (int i : messageTexts) {
            texts.add(slots.get(i).segment().text());
        }
        List<List<PiiFinding>> read = scanner.scanConversation(texts);
        for (int k = 0; k < messageTexts.size(); k++) {
            findings.set(messageTexts.get(k), read.get(k));
        }
        SecurityReport security = ws.analysesSecurity() ? ws.analyzer().analyze(conversation) : NOT_ANALYSED;
        return new Inspection(slots, findings, security);
    }

    /** Whether a slot is a message's text: its content, or a text part of it. */
    private static boolean isMessageText(TextSlot slot) {
        String path = slot.segment().path();
        return slot.from() == 0 && (path.endsWith(".content") || path.endsWith(".text"));
    }

    /** The findings in the text a slot owns; those in the key read before it as context are not its own. */
    private static List<PiiFinding> owned(TextSlot slot, List<PiiFinding> found) {
        if (slot.from() == 0 || found.isEmpty()) {
            return found;
        }
        List<PiiFinding> own = new ArrayList<>(found.size());
        for (PiiFinding f : found) {
            if (slot.owns(f.start())) {
                own.add(f);
            }
        }
        return own;
    }
}
