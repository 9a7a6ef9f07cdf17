package io.monago.atrium.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The SDK's version, from the build-filtered {@code io/monago/atrium/version.properties}.
 *
 * <p>Internal: not part of the public API.
 */
public final class SdkVersion {

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static final String VERSION = load();
    /** The {@code User-Agent} every request carries. */
    public static final String USER_AGENT = "monago-atrium-java/" + VERSION;

    private SdkVersion() {}

    private static String load() {
        try (InputStream in = SdkVersion.class.getResourceAsStream("/io/monago/atrium/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
