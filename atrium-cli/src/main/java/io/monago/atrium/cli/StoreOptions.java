package io.monago.atrium.cli;

import io.monago.atrium.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The flags that find the audit store: the same as {@code serve}'s, so both open the same one. */
final class StoreOptions {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "the gateway's atrium.yaml (its audit section and data folder)")
    Path config;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "the gateway's data folder (default: ./atrium-data, or the file's)")
    Path dataDir;

    GatewayConfig resolve(Function<String, String> env) {
        return GatewaySettings.resolve(
                Optional.ofNullable(config), Optional.empty(), Optional.empty(), Optional.ofNullable(dataDir), env);
    }
}
