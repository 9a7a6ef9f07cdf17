package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.Json;
import java.util.Objects;

/**
 * Web search settings for search-enabled models ({@code web_search_options}).
 *
 * <pre>{@code
 * builder.webSearchOptions(WebSearchOptions.builder()
 *         .searchContextSize("medium")
 *         .approximateLocation("ID", "Bandung", "Jawa Barat", "Asia/Jakarta")
 *         .build());
 * }</pre>
 */
public final class WebSearchOptions {

    private final String searchContextSize;
    private final ObjectNode approximateLocation;

    private WebSearchOptions(Builder b) {
        this.searchContextSize = b.searchContextSize;
        this.approximateLocation = b.approximateLocation;
    }

    /**
     * A builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The options as they are sent.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        Json.putIfPresent(node, "search_context_size", searchContextSize);
        if (approximateLocation != null) {
            ObjectNode location = node.putObject("user_location").put("type", "approximate");
            location.set("approximate", approximateLocation.deepCopy());
        }
        return node;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebSearchOptions w && toJson().equals(w.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "WebSearchOptions[searchContextSize=" + searchContextSize + "]";
    }

    /** Builds {@link WebSearchOptions}. */
    public static final class Builder {
        private String searchContextSize;
        private ObjectNode approximateLocation;

        private Builder() {}

        /**
         * Sets how much search context the model gets.
         *
         * @param size {@code low}, {@code medium} or {@code high}
         * @return this builder
         */
        public Builder searchContextSize(String size) {
            this.searchContextSize = Objects.requireNonNull(size, "size");
            return this;
        }

        /**
         * Sets the user's approximate location; null arguments are left out.
         *
         * @param country two-letter ISO country code, e.g. {@code ID}
         * @param city the city
         * @param region the region or province
         * @param timezone an IANA time zone, e.g. {@code Asia/Jakarta}
         * @return this builder
         */
        public Builder approximateLocation(String country, String city, String region, String timezone) {
            ObjectNode location = Json.object();
            Json.putIfPresent(location, "country", country);
            Json.putIfPresent(location, "city", city);
            Json.putIfPresent(location, "region", region);
            Json.putIfPresent(location, "timezone", timezone);
            this.approximateLocation = location;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public WebSearchOptions build() {
            return new WebSearchOptions(this);
        }
    }
}
