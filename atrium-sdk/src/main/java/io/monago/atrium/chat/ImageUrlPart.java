package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * An image part: {@code {"type": "image_url", "image_url": {"url": "...", "detail": "high"}}}.
 *
 * <pre>{@code
 * ContentPart part = ImageUrlPart.of("data:image/png;base64,iVBOR...").withDetail("low");
 * }</pre>
 */
public final class ImageUrlPart implements ContentPart {

    private final String url;
    private final String detail;

    private ImageUrlPart(String url, String detail) {
        this.url = Objects.requireNonNull(url, "url");
        this.detail = detail;
    }

    /**
     * An image part with the provider's default detail.
     *
     * @param url an image URL or a {@code data:} URL
     * @return the part
     */
    public static ImageUrlPart of(String url) {
        return new ImageUrlPart(url, null);
    }

    /**
     * A copy with a detail level.
     *
     * @param detail {@code auto}, {@code low} or {@code high}
     * @return the new part
     */
    public ImageUrlPart withDetail(String detail) {
        return new ImageUrlPart(url, Objects.requireNonNull(detail, "detail"));
    }

    /**
     * The image URL.
     *
     * @return the URL
     */
    public String url() {
        return url;
    }

    /**
     * The detail level.
     *
     * @return the level, or empty for the provider's default
     */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    @Override
    public String type() {
        return "image_url";
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("type", type());
        ObjectNode image = node.putObject("image_url").put("url", url);
        Json.putIfPresent(image, "detail", detail);
        return node;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageUrlPart p && url.equals(p.url) && Objects.equals(detail, p.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, detail);
    }

    @Override
    public String toString() {
        return "ImageUrlPart[" + (url.startsWith("data:") ? "data URL, " + url.length() + " chars" : url) + "]";
    }
}
