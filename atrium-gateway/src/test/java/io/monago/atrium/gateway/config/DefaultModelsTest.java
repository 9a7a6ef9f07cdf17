package io.monago.atrium.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.gateway.support.RunningGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in defaults and what a new user copies agree: every model named in the README, the
 * SDK guide and the examples is listed by {@code GET /v1/models} on the real gateway on defaults.
 */
class DefaultModelsTest {

    // .model("gpt-5.4-mini"), model: 'gpt-5.4-mini', "model": "gpt-5.4-mini", and the examples' default
    private static final Pattern MODEL =
            Pattern.compile("(?:\\.model\\(\"|model: '|\"model\": \"|\\? \")(gpt-[\\w.-]+|claude-[\\w.-]+|echo)\"?'?");

    @TempDir
    Path dataDir;

    @Test
    void everyModelTheReadmeGuideAndExamplesUseIsListedOnDefaults() {
        Set<String> used = modelsNamedIn(
                List.of(Path.of("../README.md"), Path.of("../docs/sdk.md"), Path.of("../examples/src/main/java")));
        assertThat(used).as("models found in what a new user reads").contains(GatewayConfig.DEFAULT_EXAMPLE_MODEL);

        Set<String> listed = new TreeSet<>();
        try (RunningGateway gateway = RunningGateway.defaults(dataDir)) {
            RunningGateway.Reply r = gateway.get("/models", Optional.of(RunningGateway.ADMIN_KEY));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            for (JsonNode m : r.json().path("data")) {
                listed.add(m.path("id").asText());
            }
        }

        assertThat(listed).containsAll(used);
    }

    private static Set<String> modelsNamedIn(List<Path> places) {
        Set<String> models = new TreeSet<>();
        for (Path place : places) {
            for (Path file : files(place)) {
                Matcher m = MODEL.matcher(read(file));
                while (m.find()) {
                    models.add(m.group(1));
                }
            }
        }
        return models;
    }

    private static List<Path> files(Path place) {
        if (Files.isRegularFile(place)) {
            return List.of(place);
        }
        try (Stream<Path> walk = Files.walk(place)) {
            return new ArrayList<>(
                    walk.filter(p -> p.toString().endsWith(".java")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
