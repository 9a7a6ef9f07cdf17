package io.monago.atrium.guard.security.corpus;

import io.monago.atrium.guard.MessageRole;
import io.monago.atrium.guard.TextSegment;
import io.monago.atrium.guard.security.category.IncidentCategory;
import java.util.Set;

/**
 * One labelled text of a corpus.
 *
 * @param id the row id
 * @param text the text
 * @param labels the attack categories it belongs to; empty for benign text
 * @param language {@code en}, {@code id}, {@code mix}, or {@code unknown}
 * @param source {@code direct}, {@code email}, {@code tool} or {@code document}
 * @param hardNegative benign text that uses attack vocabulary innocently
 * @param split the split it belongs to, {@code "train"} or {@code "test"}
 * @param obfuscation how the text was disguised, or empty
 * @param group rows written from one sentence or template share a group, and a split
 * @param corpus the data set the row comes from: {@code own}, {@code deepset}, {@code bipia},
 *     {@code jailbreak_llms}, {@code xsid}, or for the suffix stage {@code bpe_suffix} and {@code
 *     suffix_negatives} (see {@link Corpora})
 */
public record LabelledText(
        String id,
        String text,
        Set<IncidentCategory> labels,
        String language,
        String source,
        boolean hardNegative,
        String split,
        String obfuscation,
        String group,
        String corpus) {

    /**
     * Whether the row is an attack.
     *
     * @return true for an attack
     */
    public boolean attack() {
        return !labels.isEmpty();
    }

    /**
     * Whether the row is held out from training.
     *
     * @return true when the row belongs to the held-out split
     */
    public boolean heldOut() {
        return "test".equals(split);
    }

    /**
     * Whether the row belongs to the training split.
     *
     * @return true when the row may be trained on
     */
    public boolean trainable() {
        return "train".equals(split);
    }

    /**
     * The text as the gateway would hand it over: tool results as a tool message, everything else
     * (emails, tables, code answers and documents are pasted by users) as a user message.
     *
     * @return the segment
     */
    public TextSegment segment() {
        return "tool".equals(source)
                ? new TextSegment("messages[2].content", MessageRole.TOOL, text)
                : new TextSegment("messages[1].content", MessageRole.USER, text);
    }
}
