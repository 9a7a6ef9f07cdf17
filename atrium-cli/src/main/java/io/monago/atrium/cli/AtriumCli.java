package io.monago.atrium.cli;

import io.monago.atrium.gateway.config.ConfigException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code atrium} command.
 *
 * <pre>{@code
 * atrium demo                         # the whole idea, offline, in one run
 * atrium serve --port 8080            # the gateway on built-in defaults
 * atrium chat "What is BPJS?"         # one call through a running gateway
 * }</pre>
 */
@Command(
        name = "atrium",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Atrium: a governed LLM gateway and its Java SDK.",
        subcommands = {
            DemoCommand.class,
            ServeCommand.class,
            ChatCommand.class,
            KeyCommand.class,
            PolicyCommand.class,
            AuditCommand.class
        })
public final class AtriumCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Entry point.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        Charset charset = Terminal.charset();
        System.exit(run(
                args,
                System.getenv()::get,
                new PrintWriter(new OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new OutputStreamWriter(System.err, charset), true)));
    }

    /**
     * Runs a command and returns its exit code, without exiting the JVM.
     *
     * @param args arguments
     * @param env environment lookup
     * @param out standard output
     * @param err standard error
     * @return the exit code: 0 done, 1 failed, 2 bad usage or configuration
     */
    public static int run(String[] args, Function<String, String> env, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new AtriumCli(), new Factory(env));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Terminal t = Terminal.detect(env, err);
            err.println(t.red("error: ") + Errors.describe(e));
            err.flush();
            return e instanceof UsageProblem || e instanceof ConfigException ? 2 : 1;
        });
        return cli.execute(args);
    }

    /** Gives commands the environment without reaching for globals. */
    private record Factory(Function<String, String> env) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (var c : cls.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Function.class) {
                    c.setAccessible(true);
                    return cls.cast(c.newInstance(env));
                }
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
