package io.monago.atrium.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.config.GatewayConfig;
import io.monago.atrium.gateway.support.PostgresSchemas;
import io.monago.atrium.gateway.support.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kubernetes manifests and the Dockerfile in {@code deploy/} agree with what the gateway reads,
 * for both layouts (one instance on SQLite; several on PostgreSQL and Redis): its configuration
 * loads, every variable it names is set from the Secret and every variable set is read, the ports,
 * the probes' paths and the mounted paths are the ones the gateway uses, and the pod's grace period
 * outlasts the drain. No image is built here, so this is what keeps them honest.
 */
class DeployManifestsTest {

    /** A set of manifests: its folder, its workload's file, and whether it runs several replicas. */
    record Layout(Path dir, String workload, boolean scaledOut) {
        @Override
        public String toString() {
            return dir.toString();
        }
    }

    static Stream<Layout> layouts() {
        return Stream.of(
                new Layout(Path.of("../deploy/kubernetes"), "statefulset.yaml", false),
                new Layout(Path.of("../deploy/kubernetes/scale-out"), "deployment.yaml", true));
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-[^}]*)?}");
    private static final Pattern ENV_READ = Pattern.compile("env\\.apply\\(\"([A-Z_]+)\"\\)");

    @TempDir
    Path dataDir;

    private static JsonNode manifest(Layout layout, String file) throws Exception {
        return YAML.readTree(layout.dir().resolve(file).toFile());
    }

    private static JsonNode container(Layout layout) throws Exception {
        return manifest(layout, layout.workload())
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
    }

    private static String configText(Layout layout) throws Exception {
        return manifest(layout, "configmap.yaml")
                .path("data")
                .path("atrium.yaml")
                .asText();
    }

    private static Map<String, String> podEnv(Layout layout) throws Exception {
        Map<String, String> env = new HashMap<>();
        JsonNode secret = manifest(layout, "secret.yaml").path("stringData");
        for (JsonNode e : container(layout).path("env")) {
            String key = e.path("valueFrom").path("secretKeyRef").path("key").asText();
            assertThat(secret.has(key)).as("secret key " + key).isTrue();
            env.put(e.path("name").asText(), secret.path(key).asText());
        }
        return env;
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void everyVariableThePodSetsIsReadAndEveryOneReadIsSet(Layout layout) throws Exception {
        Set<String> referenced = new HashSet<>();
        Matcher m = ENV_REF.matcher(configText(layout));
        while (m.find()) {
            referenced.add(m.group(1));
        }
        Set<String> readByServe = new HashSet<>();
        Matcher r = ENV_READ.matcher(
                Files.readString(Path.of("../atrium-cli/src/main/java/io/monago/atrium/cli/ServeCommand.java")));
        while (r.find()) {
            readByServe.add(r.group(1));
        }
        Set<String> read = new HashSet<>(referenced);
        read.addAll(readByServe);

        assertThat(podEnv(layout).keySet()).containsExactlyInAnyOrderElementsOf(read);
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void theConfigurationLoadsAndThePortsPathsAndGracePeriodMatchIt(Layout layout) throws Exception {
        GatewayConfig config = new ConfigLoader(podEnv(layout)::get).parse("configmap atrium.yaml", configText(layout));
        JsonNode c = container(layout);
        JsonNode pod = manifest(layout, layout.workload())
                .path("spec")
                .path("template")
                .path("spec");

        assertThat(c.path("ports").get(0).path("containerPort").asInt())
                .isEqualTo(config.server().port());
        assertThat(config.server().host()).isEqualTo("0.0.0.0");
        assertThat(pod.path("terminationGracePeriodSeconds").asLong() * 1000)
                .isGreaterThan(config.server().drainTimeoutMs());

        Map<String, String> mounts = new HashMap<>();
        c.path("volumeMounts")
                .forEach(v ->
                        mounts.put(v.path("name").asText(), v.path("mountPath").asText()));
        String configPath = c.path("args").get(2).asText();
        assertThat(c.path("args").get(1).asText()).isEqualTo("--config");
        assertThat(configPath).isEqualTo(mounts.get("config") + "/atrium.yaml");
        assertThat(config.server().dataDir()).isEqualTo(mounts.get("data"));
        int replicas = manifest(layout, layout.workload())
                .path("spec")
                .path("replicas")
                .asInt();
        if (layout.scaledOut()) {
            // Several replicas only with stores they can share: PostgreSQL and Redis.
            assertThat(replicas).isGreaterThan(1);
            assertThat(config.audit().urlIfSet())
                    .hasValueSatisfying(u -> assertThat(u).startsWith("jdbc:postgresql:"));
            assertThat(configText(layout)).contains("limits:\n  store: ${ATRIUM_REDIS_URL}");
            assertThat(configText(layout)).contains("idempotency:\n  store: ${ATRIUM_REDIS_URL}");
        } else {
            assertThat(replicas).as("one SQLite file has one writer").isEqualTo(1);
        }

        String http = c.path("ports").get(0).path("name").asText();
        assertThat(c.path("readinessProbe").path("httpGet").path("port").asText())
                .isEqualTo(http);
        assertThat(c.path("livenessProbe").path("httpGet").path("port").asText())
                .isEqualTo(http);
        assertThat(manifest(layout, "service.yaml")
                        .path("spec")
                        .path("ports")
                        .get(0)
                        .path("targetPort")
                        .asText())
                .isEqualTo(http);

        String dockerfile = Files.readString(Path.of("../Dockerfile"));
        assertThat(dockerfile).contains("EXPOSE " + config.server().port());
        assertThat(dockerfile).contains("CMD [\"serve\", \"--config\", \"" + configPath + "\"]");
        assertThat(dockerfile).containsPattern("FROM eclipse-temurin:\\d+-jre\\n");
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void theProbesAnswerOnTheRealGatewayRunningThisConfiguration(Layout layout) throws Exception {
        Map<String, String> env = podEnv(layout);
        try (PostgresSchemas schema = PostgresSchemas.fresh()) {
            if (layout.scaledOut()) {
                // The cluster's service names stand for this machine's PostgreSQL and Redis.
                env.put("ATRIUM_AUDIT_DB_URL", PostgresSchemas.URL + "?currentSchema=" + schema.name());
                env.put("ATRIUM_AUDIT_DB_USER", PostgresSchemas.USER);
                env.put("ATRIUM_REDIS_URL", TestRedis.URL);
            }
            probe(layout, new ConfigLoader(env::get).parse("configmap atrium.yaml", configText(layout)));
        }
    }

    private void probe(Layout layout, GatewayConfig config) throws Exception {
        JsonNode c = container(layout);
        try (Gateway gateway = Gateway.start(
                config.withServer(config.server().withListen("127.0.0.1", 0).withDataDir(dataDir.toString())),
                Optional.of("sk-mng-deploy-test"))) {
            HttpClient client = HttpClient.newHttpClient();
            for (String probe : new String[] {"readinessProbe", "livenessProbe"}) {
                String path = c.path(probe).path("httpGet").path("path").asText();
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(probe + " " + path).isEqualTo(200);
            }
        }
    }
}
