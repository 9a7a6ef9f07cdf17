package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * A file part: {@code {"type": "file", "file": {"file_data": "...", "filename": "..."}}} or
 * {@code {"type": "file", "file": {"file_id": "..."}}}.
 *
 * <pre>{@code
 * ContentPart pdf = FilePart.ofData("lab-result.pdf", "data:application/pdf;base64," + base64);
 * }</pre>
 */
public final class FilePart implements ContentPart {

    private final String fileData;
    private final String fileId;
    private final String filename;

    private FilePart(String fileData, String fileId, String filename) {
        this.fileData = fileData;
        this.fileId = fileId;
        this.filename = filename;
    }

    /**
     * A file sent inline.
     *
     * @param filename the file name
     * @param fileData the content, base64-encoded or as a {@code data:} URL
     * @return the part
     */
    public static FilePart ofData(String filename, String fileData) {
        return new FilePart(
                Objects.requireNonNull(fileData, "fileData"), null, Objects.requireNonNull(filename, "filename"));
    }

    /**
     * A file uploaded to the provider earlier.
     *
     * @param fileId the provider's file id
     * @return the part
     */
    public static FilePart ofId(String fileId) {
        return new FilePart(null, Objects.requireNonNull(fileId, "fileId"), null);
    }

    /**
     * The inline content.
     *
     * @return the data, or empty for a part that refers to a file id
     */
    public Optional<String> fileData() {
        return Optional.ofNullable(fileData);
    }

    /**
     * The uploaded file's id.
     *
     * @return the id, or empty for inline content
     */
    public Optional<String> fileId() {
        return Optional.ofNullable(fileId);
    }

    /**
     * The file name.
     *
     * @return the name, or empty
     */
    public Optional<String> filename() {
        return Optional.ofNullable(filename);
    }

    @Override
    public String type() {
        return "file";
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("type", type());
        ObjectNode file = node.putObject("file");
        Json.putIfPresent(file, "file_data", fileData);
        Json.putIfPresent(file, "file_id", fileId);
        Json.putIfPresent(file, "filename", filename);
        return node;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FilePart p
                && Objects.equals(fileData, p.fileData)
                && Objects.equals(fileId, p.fileId)
                && Objects.equals(filename, p.filename);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileData, fileId, filename);
    }

    @Override
    public String toString() {
        return "FilePart[" + (fileId != null ? "id=" + fileId : "filename=" + filename) + "]";
    }
}
