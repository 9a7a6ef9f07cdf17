package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One part of a multi-part message content: text, an image, audio, a file, or (in assistant
 * messages) a refusal.
 *
 * <pre>{@code
 * UserMessage m = UserMessage.of(
 *         ContentPart.text("What does this X-ray show?"),
 *         ContentPart.imageUrl("https://example.org/xray.png", "high"));
 * }</pre>
 */
public sealed interface ContentPart permits TextPart, ImageUrlPart, InputAudioPart, FilePart, RefusalPart {

    /**
     * The part's {@code type} on the wire.
     *
     * @return {@code text}, {@code image_url}, {@code input_audio}, {@code file} or {@code refusal}
     */
    String type();

    /**
     * The part as it is sent.
     *
     * @return a new JSON object
     */
    ObjectNode toJson();

    /**
     * A text part.
     *
     * @param text the text
     * @return the part
     */
    static TextPart text(String text) {
        return new TextPart(text);
    }

    /**
     * An image part, by URL or {@code data:} URL.
     *
     * @param url the image URL
     * @return the part
     */
    static ImageUrlPart imageUrl(String url) {
        return ImageUrlPart.of(url);
    }

    /**
     * An image part with a detail level.
     *
     * @param url the image URL
     * @param detail {@code auto}, {@code low} or {@code high}
     * @return the part
     */
    static ImageUrlPart imageUrl(String url, String detail) {
        return ImageUrlPart.of(url).withDetail(detail);
    }

    /**
     * An audio input part.
     *
     * @param base64Data the audio, base64-encoded
     * @param format {@code wav} or {@code mp3}
     * @return the part
     */
    static InputAudioPart inputAudio(String base64Data, String format) {
        return new InputAudioPart(base64Data, format);
    }

    /**
     * A file part carrying the file's content.
     *
     * @param filename the file name
     * @param base64Data the content, base64-encoded (or as a {@code data:} URL)
     * @return the part
     */
    static FilePart fileData(String filename, String base64Data) {
        return FilePart.ofData(filename, base64Data);
    }

    /**
     * A file part referring to an uploaded file.
     *
     * @param fileId the provider's file id
     * @return the part
     */
    static FilePart fileId(String fileId) {
        return FilePart.ofId(fileId);
    }
}
