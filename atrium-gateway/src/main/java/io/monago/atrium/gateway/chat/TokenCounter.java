package io.monago.atrium.gateway.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens the way OpenAI's current models do ({@code o200k_base}), for providers that report
 * no usage. Message framing follows OpenAI's published accounting: 3 tokens per message plus 3 to
 * prime the reply. Thread-safe.
 */
public final class TokenCounter {

    private static final int PER_MESSAGE = 3;
    private static final int REPLY_PRIMING = 3;
    private final Encoding encoding;

    /** Loads the encoding (a few milliseconds, once per gateway). */
    public TokenCounter() {
        this.encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }

    /**
     * Counts a text.
     *
     * @param text any text; special-token spellings count as ordinary text
     * @return its token count
     */
    public int count(String text) {
        return encoding.countTokensOrdinary(text);
    }

    /**
     * Counts the input of a request: every text the model reads, plus the message framing.
     *
     * @param body a validated chat-completions body, as it goes upstream
     * @return the prompt token count
     */
    public long countPrompt(ObjectNode body) {
        long total = (long) PER_MESSAGE * body.path("messages").size() + REPLY_PRIMING;
        for (TextSlot t : ConversationTexts.of(body)) {
            total += count(t.segment().text());
        }
        return total;
    }
}
