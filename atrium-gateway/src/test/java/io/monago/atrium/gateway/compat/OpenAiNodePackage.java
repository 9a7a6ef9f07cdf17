package io.monago.atrium.gateway.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The official {@code openai} npm package, installed from the npm registry with {@code npm ci}
 * into {@code target/openai-node} at the version {@code src/test/node/package-lock.json} pins, and
 * the check program {@code src/test/node/openai-client-check.mjs} run there with {@code node}.
 *
 * <p>The install is kept: it runs again only when {@code package.json} or {@code
 * package-lock.json} change (or after {@code mvn clean}), and npm's own cache serves a repeated
 * install. Node and npm must be on the {@code PATH}; without them the test fails, it does not skip.
 * Every process runs with no standard input and a bounded time.
 */
final class OpenAiNodePackage {

    private static final Path SOURCE = Path.of("src/test/node");
    private static final Path HOME = Path.of("target/openai-node");
    private static final String SCRIPT = "openai-client-check.mjs";
    private static final List<String> FILES = List.of("package.json", "package-lock.json", SCRIPT);
    private static final long INSTALL_MINUTES = 5;
    private static final long RUN_MINUTES = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private OpenAiNodePackage() {}

    /**
     * Makes sure node and npm run, copies the package files to {@code target/openai-node} and
     * installs the package there unless the same lock file is installed already.
     */
    static void install() {
        try {
            Files.createDirectories(HOME);
            requireTool(List.of("node", "--version"), "node");
            requireTool(List.of(npm(), "--version"), "npm");
            for (String f : FILES) {
                Files.copy(SOURCE.resolve(f), HOME.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
            Path stamp = HOME.resolve("installed.sha256");
            String wanted = digest(HOME.resolve("package.json"), HOME.resolve("package-lock.json"));
            boolean installed = Files.isRegularFile(HOME.resolve("node_modules/openai/package.json"))
                    && Files.isRegularFile(stamp)
                    && Files.readString(stamp).strip().equals(wanted);
            if (installed) {
                return;
            }
            Files.deleteIfExists(stamp);
            Result npm = run(
                    List.of(npm(), "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline"),
                    Map.of(),
                    "npm-ci",
                    INSTALL_MINUTES);
            if (npm.exitCode() != 0) {
                throw new AssertionError("npm ci failed (exit " + npm.exitCode() + "):\n" + npm.output());
            }
            Files.writeString(stamp, wanted + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the check program against a gateway.
     *
     * @param baseUrl the gateway's base URL, passed as {@code OPENAI_BASE_URL}
     * @param apiKey the key, passed as {@code OPENAI_API_KEY}
     * @param prompt the user message of the allowed calls
     * @param checks the checks to run, by name
     * @return what the client saw, by check name
     */
    static Map<String, JsonNode> check(String baseUrl, String apiKey, String prompt, List<String> checks) {
        Map<String, String> env = Map.of(
                "OPENAI_BASE_URL", baseUrl,
                "OPENAI_API_KEY", apiKey,
                "ATRIUM_PROMPT", prompt,
                "ATRIUM_CHECKS", String.join(",", checks));
        Result r = run(List.of("node", SCRIPT), env, "node-" + String.join("-", checks), RUN_MINUTES);
        if (r.exitCode() != 0) {
            throw new AssertionError("node " + SCRIPT + " failed (exit " + r.exitCode() + "):\n" + r.output());
        }
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        for (String line : r.stdout().split("\n", -1)) {
            if (line.startsWith("{")) {
                try {
                    JsonNode n = JSON.readTree(line);
                    seen.put(n.path("check").asText(), n);
                } catch (IOException e) {
                    throw new AssertionError("not a JSON line from " + SCRIPT + ": " + line, e);
                }
            }
        }
        for (String c : checks) {
            JsonNode n = seen.get(c);
            if (n == null || n.has("unexpected")) {
                throw new AssertionError("check " + c + " did not complete:\n" + r.output());
            }
        }
        return seen;
    }

    private static String npm() {
        return WINDOWS ? "npm.cmd" : "npm";
    }

    private static void requireTool(List<String> command, String name) {
        Result r;
        try {
            r = run(command, Map.of(), name + "-version", 1);
        } catch (UncheckedIOException e) {
            throw new AssertionError(
                    name + " must be on the PATH for the openai npm package's compatibility test (Node 20 or newer)",
                    e);
        }
        if (r.exitCode() != 0) {
            throw new AssertionError(name + " --version failed:\n" + r.output());
        }
    }

    /** One process in {@code target/openai-node}: no standard input, its output in files there, bounded. */
    private static Result run(List<String> command, Map<String, String> extraEnv, String logName, long minutes) {
        Path out = HOME.resolve(logName + ".out.log");
        Path err = HOME.resolve(logName + ".err.log");
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command))
                .directory(HOME.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        // The developer's own OpenAI settings must not reach the client; only what the test sets.
        env.keySet().removeIf(k -> k.toUpperCase(Locale.ROOT).startsWith("OPENAI_"));
        env.put("NO_COLOR", "1");
        env.put("npm_config_update_notifier", "false");
        env.putAll(extraEnv);
        try {
            Process p = pb.start();
            p.getOutputStream().close(); // no standard input: nothing may wait for a prompt
            if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", command) + " did not finish within " + minutes + " minutes:\n"
                        + read(out) + read(err));
            }
            return new Result(p.exitValue(), read(out), read(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    private static String digest(Path... files) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                sha.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A finished process. */
    private record Result(int exitCode, String stdout, String stderr) {
        String output() {
            return stdout + stderr;
        }
    }
}
