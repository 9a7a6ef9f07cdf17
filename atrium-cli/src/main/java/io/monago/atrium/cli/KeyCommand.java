package io.monago.atrium.cli;

import io.monago.atrium.gateway.auth.ApiKeyHash;
import io.monago.atrium.gateway.auth.KeyBootstrap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atrium key}: make API keys and the hashes that go into {@code atrium.yaml}. */
@Command(
        name = "key",
        mixinStandardHelpOptions = true,
        description = "Create API keys and their hashes for atrium.yaml.",
        subcommands = {KeyCommand.New.class, KeyCommand.Hash.class})
final class KeyCommand implements Runnable {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code atrium key new}: a fresh key and its hash. */
    @Command(
            name = "new",
            mixinStandardHelpOptions = true,
            description = "Generate a new API key and print it with its hash.")
    static final class New implements Callable<Integer> {
        @Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            String key = new KeyBootstrap(new SecureRandom()).generate();
            var out = spec.commandLine().getOut();
            out.println("key:  " + key);
            out.println("hash: " + ApiKeyHash.of(key));
            out.flush();
            return 0;
        }
    }

    /** {@code atrium key hash}: the hash of an existing key. */
    @Command(
            name = "hash",
            mixinStandardHelpOptions = true,
            description = "Print the hash of a key for atrium.yaml. Reads the key from standard input when not given.")
    static final class Hash implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "KEY", description = "the key (omit to read it from standard input)")
        private String key;

        @Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String k = key;
            if (k == null) {
                k = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            if (k == null || k.isBlank()) {
                throw new UsageProblem("give the key as an argument or on standard input");
            }
            spec.commandLine().getOut().println(ApiKeyHash.of(k.trim()));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
