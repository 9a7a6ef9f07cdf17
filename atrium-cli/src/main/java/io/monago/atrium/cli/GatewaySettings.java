package io.monago.atrium.cli;

import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** The configuration {@code serve} runs with: the file or the built-in defaults, then the flags. */
final class GatewaySettings {

    private GatewaySettings() {}

    static GatewayConfig resolve(
            Optional<Path> file,
            Optional<String> host,
            Optional<Integer> port,
            Optional<Path> dataDir,
            Function<String, String> env) {
        GatewayConfig config = file.map(f -> new ConfigLoader(env).load(f)).orElseGet(GatewayConfig::defaults);
        var server = config.server();
        if (port.isPresent() && (port.get() < 0 || port.get() > 65_535)) {
            throw new UsageProblem("--port must be between 0 and 65535, got " + port.get());
        }
        server = server.withListen(host.orElse(server.host()), port.orElse(server.port()));
        if (dataDir.isPresent()) {
            server = server.withDataDir(dataDir.get().toString());
        }
        return config.withServer(server);
    }
}
