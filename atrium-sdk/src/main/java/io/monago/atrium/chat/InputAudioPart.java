package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.Json;
import java.util.Objects;

/**
 * An audio input part: {@code {"type": "input_audio", "input_audio": {"data": "...", "format": "wav"}}}.
 *
 * <pre>{@code
 * ContentPart part = ContentPart.inputAudio(Base64.getEncoder().encodeToString(wavBytes), "wav");
 * }</pre>
 *
 * @param data the audio, base64-encoded
 * @param format {@code wav} or {@code mp3}
 */
public record InputAudioPart(String data, String format) implements ContentPart {

    /**
     * Checks the parts.
     *
     * @param data the audio
     * @param format the format
     */
    public InputAudioPart {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(format, "format");
    }

    @Override
    public String type() {
        return "input_audio";
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("type", type());
        node.putObject("input_audio").put("data", data).put("format", format);
        return node;
    }

    @Override
    public String toString() {
        return "InputAudioPart[format=" + format + ", " + data.length() + " base64 chars]";
    }
}
