package io.monago.atrium.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one {@link LoadRun} does: the target, open or closed loop and at what level, for how long.
 *
 * @param target the name the target is reported under ({@code direct}, {@code atrium}, {@code portkey})
 * @param url the chat completions URL
 * @param headers headers sent with every request
 * @param mode open loop at a fixed rate, or closed loop on fixed connections
 * @param rate requests per second (open loop)
 * @param connections connections (closed loop: each sends one request at a time; open loop: at most this many in flight)
 * @param seconds the measured time
 * @param warmupSeconds the time sent first and not measured
 * @param pid the target's process, whose CPU time and memory are read
 * @param clockTicks the kernel's clock ticks per second ({@code getconf CLK_TCK})
 * @param bodyFile the request body, instead of the governance demo prompt
 * @param out the file a result row is appended to
 */
record LoadOptions(
        String target,
        URI url,
        Map<String, String> headers,
        Mode mode,
        int rate,
        int connections,
        int seconds,
        int warmupSeconds,
        Optional<Long> pid,
        int clockTicks,
        Optional<Path> bodyFile,
        Optional<Path> out) {

    static final String USAGE = "usage: LoadRun --url URL [--target NAME] [--header 'Name: value']..."
            + " (--mode open --rate N [--connections N] | --mode closed --connections N)"
            + " [--seconds N] [--warmup N] [--pid PID] [--clock-ticks N] [--body FILE] [--out FILE]";

    /** How requests are sent. */
    enum Mode {
        /** At a fixed rate, whether or not earlier requests were answered. */
        OPEN,
        /** Each connection sends its next request when the last is answered. */
        CLOSED;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The level of the run as reported: the rate for an open loop, the connections for a closed one. */
    String level() {
        return mode == Mode.OPEN ? rate + "/s" : connections + "c";
    }

    /**
     * Reads the options from the command line.
     *
     * @param args {@code --name value} pairs, see {@link #USAGE}
     * @return the options
     * @throws IllegalArgumentException naming the option that is missing or wrong
     */
    static LoadOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            if (name.equals("header")) {
                int colon = args[i + 1].indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("--header must be 'Name: value'");
                }
                headers.put(
                        args[i + 1].substring(0, colon).trim(),
                        args[i + 1].substring(colon + 1).trim());
            } else {
                values.put(name, args[i + 1]);
            }
        }
        String url = values.remove("url");
        if (url == null) {
            throw new IllegalArgumentException("--url is required");
        }
        Mode mode = switch (values.getOrDefault("mode", "closed")) {
            case "open" -> Mode.OPEN;
            case "closed" -> Mode.CLOSED;
            default -> throw new IllegalArgumentException("--mode must be open or closed");
        };
        values.remove("mode");
        int rate = positive(values, "rate", mode == Mode.OPEN ? -1 : 1);
        int connections = positive(values, "connections", mode == Mode.OPEN ? 256 : 1);
        LoadOptions options = new LoadOptions(
                Optional.ofNullable(values.remove("target")).orElse("target"),
                URI.create(url),
                Map.copyOf(headers),
                mode,
                rate,
                connections,
                positive(values, "seconds", 10),
                nonNegative(values, "warmup", 5),
                Optional.ofNullable(values.remove("pid")).map(Long::parseLong),
                positive(values, "clock-ticks", 100),
                Optional.ofNullable(values.remove("body")).map(Path::of),
                Optional.ofNullable(values.remove("out")).map(Path::of));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException(
                    "unknown option --" + values.keySet().iterator().next());
        }
        if (options.url().getPort() <= 0) {
            throw new IllegalArgumentException("--url must name its port, got " + url);
        }
        return options;
    }

    private static int positive(Map<String, String> values, String name, int fallback) {
        int value = nonNegative(values, name, fallback);
        if (value <= 0) {
            throw new IllegalArgumentException("--" + name + " must be a positive number");
        }
        return value;
    }

    private static int nonNegative(Map<String, String> values, String name, int fallback) {
        String text = values.remove(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw new IllegalArgumentException("--" + name + " must not be negative, got " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + text + "'", e);
        }
    }
}
