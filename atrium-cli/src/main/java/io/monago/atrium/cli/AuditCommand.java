package io.monago.atrium.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.monago.atrium.gateway.audit.AuditPage;
import io.monago.atrium.gateway.audit.AuditQuery;
import io.monago.atrium.gateway.audit.AuditStores;
import io.monago.atrium.gateway.audit.AuditVerifier;
import io.monago.atrium.gateway.audit.ChainCheckpoint;
import io.monago.atrium.gateway.audit.ChainSource;
import io.monago.atrium.gateway.audit.StoredAudit;
import io.monago.atrium.gateway.audit.VerifyReport;
import io.monago.atrium.gateway.config.GatewayConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atrium audit}: check, anchor, read and export the audit trail of a gateway's store. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Verify, anchor and read the audit trail.",
        subcommands = {
            AuditCommand.Verify.class,
            AuditCommand.Checkpoint.class,
            AuditCommand.Search.class,
            AuditCommand.Export.class
        })
final class AuditCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static VerifyReport verify(GatewayConfig config, Optional<ChainCheckpoint> checkpoint) {
        try (ChainSource source = AuditStores.openChain(config)) {
            return new AuditVerifier(JSON, AuditStores.chainKey(config.audit())).verify(source, checkpoint);
        }
    }

    /** {@code atrium audit verify}: walk the chain and name the first record that does not hold. */
    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Walk the audit chain and name the first record altered, deleted or inserted. Exit 0 when"
                    + " intact, 1 when not.")
    static final class Verify implements Callable<Integer> {

        @Mixin
        private StoreOptions store;

        @Option(
                names = "--checkpoint",
                paramLabel = "FILE",
                description = "a checkpoint exported earlier (atrium audit checkpoint): catches a tail cut off or"
                        + " rewritten since")
        private Path checkpoint;

        @Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        private final Function<String, String> env;

        Verify(Function<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() throws IOException {
            GatewayConfig config = store.resolve(env);
            Optional<ChainCheckpoint> anchor = Optional.empty();
            if (checkpoint != null) {
                try {
                    anchor = Optional.of(ChainCheckpoint.fromJson(JSON, Files.readString(checkpoint)));
                } catch (IllegalArgumentException e) {
                    throw new UsageProblem(checkpoint + ": " + e.getMessage());
                }
            }
            VerifyReport report = verify(config, anchor);
            PrintWriter out = spec.commandLine().getOut();
            Terminal t = Terminal.detect(env, out);
            if (report.problem().isPresent()) {
                PrintWriter err = spec.commandLine().getErr();
                Terminal te = Terminal.detect(env, err);
                err.println(
                        te.red("audit chain broken: ") + report.problem().get().message());
                err.println("checked " + AuditStores.describe(config) + ": records 1 to " + report.records() + " hold ("
                        + report.algorithm() + ")");
                err.flush();
                return 1;
            }
            out.println(t.green("audit chain intact: ") + report.records() + " records, " + report.algorithm()
                    + report.headAuditId().map(h -> ", head " + h).orElse("") + ", "
                    + report.checkpointsMatched() + " checkpoint(s) matched");
            out.flush();
            return 0;
        }
    }

    /** {@code atrium audit checkpoint}: verify, then export a checkpoint of the head to keep elsewhere. */
    @Command(
            name = "checkpoint",
            mixinStandardHelpOptions = true,
            description = "Verify the chain, then print a checkpoint of its head (record count and hash, signed with"
                    + " audit.chain_key when set) to keep outside the gateway's machine.")
    static final class Checkpoint implements Callable<Integer> {

        @Mixin
        private StoreOptions store;

        @Option(names = "--out", paramLabel = "FILE", description = "write it to FILE instead of standard output")
        private Path outFile;

        @Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        private final Function<String, String> env;

        Checkpoint(Function<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() throws IOException {
            GatewayConfig config = store.resolve(env);
            VerifyReport report = verify(config, Optional.empty());
            if (report.problem().isPresent()) {
                spec.commandLine()
                        .getErr()
                        .println("audit chain broken, no checkpoint written: "
                                + report.problem().get().message());
                spec.commandLine().getErr().flush();
                return 1;
            }
            if (report.headAuditId().isEmpty()) {
                throw new UsageProblem("the audit store holds no record yet: nothing to anchor");
            }
            ChainCheckpoint cp = ChainCheckpoint.take(
                    report.records(),
                    report.headAuditId().get(),
                    report.headHash().orElseThrow(),
                    DateTimeFormatter.ISO_INSTANT.format(Clock.systemUTC().instant()),
                    AuditStores.chainKey(config.audit()));
            String text = cp.toJson(JSON);
            if (outFile != null) {
                Files.writeString(outFile, text + "\n");
            } else {
                spec.commandLine().getOut().println(text);
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    /** {@code atrium audit search}: the newest records that match, one JSON record a line. */
    @Command(
            name = "search",
            mixinStandardHelpOptions = true,
            description = "Print the newest audit records that match the filters, one JSON record a line.")
    static final class Search implements Callable<Integer> {

        @Mixin
        private StoreOptions store;

        @Mixin
        private AuditFilterOptions filters;

        @Option(names = "--limit", paramLabel = "N", description = "records to print at most (default: 50)")
        private int limit = 50;

        @Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        private final Function<String, String> env;

        Search(Function<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            if (limit < 1) {
                throw new UsageProblem("--limit must be positive");
            }
            GatewayConfig config = store.resolve(env);
            PrintWriter out = spec.commandLine().getOut();
            try (ChainSource source = AuditStores.openChain(config)) {
                AuditQuery.Builder q = filters.query().limit(Math.min(limit, AuditQuery.MAX_LIMIT));
                int printed = 0;
                while (printed < limit) {
                    AuditPage page = source.search(q.build());
                    for (StoredAudit r : page.records()) {
                        if (printed++ < limit) {
                            out.println(r.json());
                        }
                    }
                    if (page.next().isEmpty()) {
                        break;
                    }
                    q.after(page.next().get());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code atrium audit export}: every matching record, oldest first, as JSON lines or CSV. */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Write every audit record that matches the filters, oldest first, as JSON lines (each"
                    + " record exactly as stored, hashes included) or CSV.")
    static final class Export implements Callable<Integer> {

        @Mixin
        private StoreOptions store;

        @Mixin
        private AuditFilterOptions filters;

        @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl (default) or csv")
        private String format = "jsonl";

        @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of standard output")
        private Path outFile;

        @Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        private final Function<String, String> env;

        Export(Function<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() throws IOException {
            if (!format.equals("jsonl") && !format.equals("csv")) {
                throw new UsageProblem("--format must be jsonl or csv, got '" + format + "'");
            }
            GatewayConfig config = store.resolve(env);
            if (outFile == null) {
                export(config, spec.commandLine().getOut());
            } else {
                try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(outFile))) {
                    export(config, w);
                }
            }
            return 0;
        }

        private void export(GatewayConfig config, PrintWriter out) throws IOException {
            CsvRecordWriter csv = new CsvRecordWriter(out);
            if (format.equals("csv")) {
                csv.header();
            }
            try (ChainSource source = AuditStores.openChain(config)) {
                AuditQuery.Builder q = filters.query().oldestFirst().limit(AuditQuery.MAX_LIMIT);
                while (true) {
                    AuditPage page = source.search(q.build());
                    for (StoredAudit r : page.records()) {
                        if (format.equals("csv")) {
                            csv.write(JSON.readTree(r.json()));
                        } else {
                            out.println(r.json());
                        }
                    }
                    if (page.next().isEmpty()) {
                        break;
                    }
                    q.after(page.next().get());
                }
            }
            out.flush();
        }
    }
}
