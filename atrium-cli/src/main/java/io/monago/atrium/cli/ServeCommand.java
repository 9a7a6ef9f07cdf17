package io.monago.atrium.cli;

import io.monago.atrium.gateway.Gateway;
import io.monago.atrium.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code atrium serve}: runs the gateway until SIGTERM or Ctrl-C, then drains in-flight calls and
 * exits 0.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the gateway. Without --config it runs the built-in defaults: every model to the "
                + "offline echo provider, the default policy, audit in DATA_DIR/audit.db.")
final class ServeCommand implements Callable<Integer> {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "atrium.yaml to run with (default: built-in defaults); its policy is reloaded when it changes")
    private Path config;

    @Option(names = "--port", paramLabel = "N", description = "port to listen on (default: 8080, or the file's)")
    private Integer port;

    @Option(names = "--host", paramLabel = "H", description = "interface to bind (default: 127.0.0.1, or the file's)")
    private String host;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "folder for the audit database (default: ./atrium-data)")
    private Path dataDir;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    private final Function<String, String> env;

    ServeCommand(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        GatewayConfig cfg = GatewaySettings.resolve(
                Optional.ofNullable(config),
                Optional.ofNullable(host),
                Optional.ofNullable(port),
                Optional.ofNullable(dataDir),
                env);
        Terminal t = Terminal.detect(env, spec.commandLine().getOut());
        Gateway gateway = Gateway.start(
                cfg, Optional.ofNullable(env.apply("ATRIUM_BOOTSTRAP_KEY")).filter(k -> !k.isBlank()));
        if (config != null) {
            // The policy in the file is reloaded when it changes, with the same flags applied.
            gateway.watch(
                    config,
                    () -> GatewaySettings.resolve(
                            Optional.of(config),
                            Optional.ofNullable(host),
                            Optional.ofNullable(port),
                            Optional.ofNullable(dataDir),
                            env));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        ShutdownSignal.onTermination(() -> {
            t.println(t.dim("Draining in-flight requests, then stopping..."));
            gateway.close();
            t.println(t.dim("Atrium gateway stopped."));
            stopped.countDown();
        });
        gateway.generatedKey().ifPresent(key -> {
            t.println(t.yellow("Generated an admin API key (shown once; only its hash is kept in "
                    + Path.of(cfg.server().dataDir()).resolve("admin-key.sha256") + "):"));
            t.println("  " + t.bold(key));
        });
        t.println(
                "Atrium gateway listening on http://" + hostForUrl(cfg.server().host()) + ":" + gateway.port() + "/v1");
        stopped.await();
        return 0;
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
