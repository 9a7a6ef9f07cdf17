package io.monago.atrium.cli;

import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.config.GatewayConfig;
import io.monago.atrium.gateway.config.WorkspaceConfig;
import io.monago.atrium.gateway.workspace.WorkspacePolicy;
import io.monago.atrium.gateway.workspace.Workspaces;
import io.monago.atrium.guard.pii.PiiScanner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atrium policy}: check a configuration's policy before the gateway loads it. */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = "Check the policy in a configuration file, or try a call against it.",
        subcommands = {PolicyCommand.Check.class, PolicyTest.class})
final class PolicyCommand implements Runnable {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code atrium policy check FILE}: validates the file as the gateway would, rules compiled. */
    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = "Validate a configuration file as the gateway would load it, every rule compiled and"
                    + " type-checked. Exits 0 when it is valid, 2 with the file, line and field when not.")
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "the configuration file, e.g. atrium.yaml")
        private Path file;

        @Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        private final Function<String, String> env;

        Check(Function<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            GatewayConfig config = new ConfigLoader(env).load(file);
            Workspaces workspaces = new Workspaces(config.workspaces(), PiiScanner.defaults());
            var out = spec.commandLine().getOut();
            out.println(file + ": valid");
            for (WorkspaceConfig w : config.workspaces()) {
                WorkspacePolicy p = workspaces.require(w.id());
                int rules = p.rules().rules().size();
                out.println("  workspace " + w.id() + ": " + rules + (rules == 1 ? " rule" : " rules")
                        + (rules == 0 ? "" : ", policy version " + p.rules().version()));
            }
            out.flush();
            return 0;
        }
    }
}
