package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.Json;
import java.util.Objects;

/**
 * Spoken output settings ({@code audio}), used with {@code modalities: ["text", "audio"]}.
 *
 * <pre>{@code
 * builder.modalities(List.of("text", "audio")).audio(new AudioOutput("alloy", "wav"));
 * }</pre>
 *
 * @param voice the voice, e.g. {@code alloy}
 * @param format the audio format, e.g. {@code wav}, {@code mp3}, {@code pcm16}
 */
public record AudioOutput(String voice, String format) {

    /**
     * Checks the parts.
     *
     * @param voice the voice
     * @param format the format
     */
    public AudioOutput {
        Objects.requireNonNull(voice, "voice");
        Objects.requireNonNull(format, "format");
    }

    /**
     * The settings as they are sent.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() {
        return Json.object().put("voice", voice).put("format", format);
    }
}
