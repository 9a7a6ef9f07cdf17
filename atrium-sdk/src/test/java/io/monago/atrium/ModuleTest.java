package io.monago.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK as a named module: what it exports, and a user's module on the module path that requires
 * it, calls a gateway through it, and cannot reach its internals.
 */
class ModuleTest {

    private static final String USER_MODULE = "module demo.user { requires io.monago.atrium; exports demo.user; }";

    private static final String USER_CODE = """
            package demo.user;

            import io.monago.atrium.Atrium;
            import io.monago.atrium.chat.ChatCompletion;
            import io.monago.atrium.chat.ChatCompletionRequest;

            public final class Chat {
                private Chat() {}

                public static String ask(String baseUrl, String apiKey) {
                    try (Atrium client = Atrium.builder().apiKey(apiKey).baseUrl(baseUrl).maxRetries(0).build()) {
                        ChatCompletion res = client.chat().completions().create(ChatCompletionRequest.builder()
                                .model("gpt-5.4-mini")
                                .addUserMessage("Halo")
                                .build());
                        return res.content() + " / " + res.governance().auditId().orElse("-");
                    }
                }
            }
            """;

    @Test
    void exportsEveryPublicApiPackageButInternalAndOpensNothing() throws Exception {
        ModuleDescriptor descriptor = ModuleFinder.of(sdkClasses())
                .find("io.monago.atrium")
                .orElseThrow()
                .descriptor();

        assertThat(descriptor.exports()).noneMatch(ModuleDescriptor.Exports::isQualified);
        assertThat(descriptor.exports().stream().map(ModuleDescriptor.Exports::source))
                .containsExactlyInAnyOrder(
                        "io.monago.atrium",
                        "io.monago.atrium.agent",
                        "io.monago.atrium.audit",
                        "io.monago.atrium.chat",
                        "io.monago.atrium.errors",
                        "io.monago.atrium.eval",
                        "io.monago.atrium.http",
                        "io.monago.atrium.models",
                        "io.monago.atrium.protocol",
                        "io.monago.atrium.services",
                        "io.monago.atrium.skill",
                        "io.monago.atrium.tool",
                        "io.monago.atrium.telemetry",
                        "io.monago.atrium.telemetry.micrometer",
                        "io.monago.atrium.telemetry.otel");
        assertThat(descriptor.packages()).contains("io.monago.atrium.internal");
        assertThat(descriptor.opens()).isEmpty();
        assertThat(descriptor.requires().stream()
                        .filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
                        .map(ModuleDescriptor.Requires::name))
                .containsExactlyInAnyOrder("com.fasterxml.jackson.databind", "java.net.http");
    }

    @Test
    void aModuleThatRequiresTheSdkCallsAGatewayThroughIt(@TempDir Path dir) throws Exception {
        List<Path> modulePath = sdkModulePath();
        Path classes = compile(dir, "demo.user", USER_MODULE, "demo/user/Chat.java", USER_CODE, modulePath);

        List<Path> layerPath = new ArrayList<>(modulePath);
        layerPath.add(classes);
        Configuration configuration = ModuleLayer.boot()
                .configuration()
                .resolve(ModuleFinder.of(layerPath.toArray(Path[]::new)), ModuleFinder.of(), Set.of("demo.user"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration, null);
        Class<?> chat = layer.findLoader("demo.user").loadClass("demo.user.Chat");
        assertThat(chat.getModule().getName()).isEqualTo("demo.user");
        assertThat(layer.findModule("io.monago.atrium")).isPresent();

        try (TestServer server = TestServer.start()) {
            server.enqueue(TestServer.Reply.completion(Map.of("X-Monago-Audit-Id", "audit-module-1")));
            Object answer = chat.getMethod("ask", String.class, String.class)
                    .invoke(null, server.baseUrl(), TestServer.API_KEY);
            assertThat(answer).isEqualTo("Halo dokter / audit-module-1");
        }
    }

    /**
     * A separate JVM whose module path holds only the SDK and Jackson, as an application without
     * OpenTelemetry or Micrometer has it: the call goes through, and neither is anywhere to be found.
     */
    @Test
    void anApplicationWithoutOpenTelemetryOrMicrometerCallsThroughTheSdk(@TempDir Path dir) throws Exception {
        String code = """
                package demo.user;

                public final class Main {
                    private Main() {}

                    public static void main(String[] args) {
                        for (String absent : new String[] {"io.opentelemetry.api", "io.opentelemetry.context", "micrometer.core"}) {
                            if (ModuleLayer.boot().findModule(absent).isPresent()) {
                                throw new IllegalStateException(absent + " is on the module path");
                            }
                        }
                        try {
                            Class.forName("io.opentelemetry.api.OpenTelemetry");
                            throw new IllegalStateException("OpenTelemetry is loadable");
                        } catch (ClassNotFoundException expected) {
                            // as it should be
                        }
                        try (io.monago.atrium.Atrium client = io.monago.atrium.Atrium.builder()
                                .apiKey(args[1]).baseUrl(args[0]).maxRetries(0).build()) {
                            io.monago.atrium.chat.ChatCompletion res = client.chat().completions().create(
                                    io.monago.atrium.chat.ChatCompletionRequest.builder()
                                            .model("gpt-5.4-mini").addUserMessage("Halo").build());
                            System.out.print(res.content() + " / " + res.governance().auditId().orElse("-"));
                        }
                    }
                }
                """;
        List<Path> modulePath = sdkModulePath();
        Javac javac = javac(dir, "demo.user", USER_MODULE, "demo/user/Main.java", code, modulePath);
        assertThat(javac.status()).as(javac.output()).isZero();

        List<Path> runPath = new ArrayList<>(modulePath);
        runPath.add(dir.resolve("classes"));
        try (TestServer server = TestServer.start()) {
            server.enqueue(TestServer.Reply.completion(Map.of("X-Monago-Audit-Id", "audit-plain-1")));
            Process child = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "--module-path",
                            runPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                            "-m",
                            "demo.user/demo.user.Main",
                            server.baseUrl(),
                            TestServer.API_KEY)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(child.waitFor()).as(output).isZero();
            assertThat(output).isEqualTo("Halo dokter / audit-plain-1");
            assertThat(server.received().get(0).header("traceparent")).isEmpty();
        }
    }

    @Test
    void aModuleThatRequiresTheSdkCannotUseItsInternals(@TempDir Path dir) throws Exception {
        String code = """
                package demo.user;

                public final class Sneaky {
                    private Sneaky() {}

                    public static Object tree() {
                        return io.monago.atrium.internal.Json.object();
                    }
                }
                """;
        String errors = compileErrors(dir, "demo.user", USER_MODULE, "demo/user/Sneaky.java", code, sdkModulePath());

        assertThat(errors).contains("package io.monago.atrium.internal is not visible");
    }

    private static Path compile(
            Path dir, String module, String descriptor, String file, String code, List<Path> modulePath)
            throws Exception {
        Javac result = javac(dir, module, descriptor, file, code, modulePath);
        assertThat(result.status()).as(result.output()).isZero();
        return dir.resolve("classes");
    }

    private static String compileErrors(
            Path dir, String module, String descriptor, String file, String code, List<Path> modulePath)
            throws Exception {
        Javac result = javac(dir, module, descriptor, file, code, modulePath);
        assertThat(result.status()).as(result.output()).isNotZero();
        return result.output();
    }

    /** What javac said, and its exit status. */
    private record Javac(int status, String output) {}

    /** Compiles one module against the SDK's module path, as a user's build would. */
    private static Javac javac(
            Path dir, String module, String descriptor, String file, String code, List<Path> modulePath)
            throws Exception {
        Path src = dir.resolve("src").resolve(module);
        Files.createDirectories(src.resolve(file).getParent());
        Files.writeString(src.resolve("module-info.java"), descriptor);
        Files.writeString(src.resolve(file), code);
        StringWriter output = new StringWriter();
        PrintWriter writer = new PrintWriter(output);
        int status = ToolProvider.findFirst("javac")
                .orElseThrow()
                .run(
                        writer,
                        writer,
                        "--release",
                        "17",
                        "-d",
                        dir.resolve("classes").toString(),
                        "--module-path",
                        modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                        src.resolve("module-info.java").toString(),
                        src.resolve(file).toString());
        writer.flush();
        return new Javac(status, output.toString());
    }

    /** The SDK's classes and Jackson's jars: what a user puts on the module path. */
    private static List<Path> sdkModulePath() throws URISyntaxException {
        return List.of(
                sdkClasses(), locationOf(JsonNode.class), locationOf(JsonParser.class), locationOf(JsonProperty.class));
    }

    private static Path sdkClasses() throws URISyntaxException {
        return locationOf(Atrium.class);
    }

    private static Path locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
