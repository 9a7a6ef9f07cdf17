package io.monago.atrium.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the rows {@link LoadRun} appended into one Markdown table per mode: for each level, the
 * median over the repeated runs of each target's answered requests/s, p50, p99 and CPU per
 * request, what the gateways add to the upstream called directly, and Atrium's throughput against
 * Portkey's.
 *
 * <p>Run: {@code java -cp atrium-bench/target/benchmarks.jar io.monago.atrium.bench.load.LoadReport
 * results.tsv}.
 */
public final class LoadReport {

    private LoadReport() {}

    /** One row as {@link LoadRun.Result#row()} wrote it. */
    record Row(
            String target,
            String mode,
            String level,
            long failed,
            double perSecond,
            double p50,
            double p99,
            double cpuMs,
            long rssMb,
            String loadBefore,
            String loadAfter,
            boolean saturated) {
        static Row parse(String line) {
            String[] f = line.split("\t", -1);
            if (f.length < 15) {
                throw new IllegalArgumentException("not a load run row: " + line);
            }
            return new Row(
                    f[0],
                    f[1],
                    f[2],
                    Long.parseLong(f[4]),
                    Double.parseDouble(f[5]),
                    Double.parseDouble(f[6]),
                    Double.parseDouble(f[8]),
                    Double.parseDouble(f[11]),
                    Long.parseLong(f[12]),
                    f[13],
                    f[14],
                    f.length > 15 && f[15].equals("saturated"));
        }
    }

    /**
     * Prints the tables.
     *
     * @param args the results file
     * @throws IOException when it cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: LoadReport results.tsv");
            System.exit(2);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                rows.add(Row.parse(line));
            }
        }
        System.out.print(render(rows));
    }

    static String render(List<Row> rows) {
        Map<String, Map<String, Map<String, List<Row>>>> byMode = new LinkedHashMap<>();
        for (Row r : rows) {
            byMode.computeIfAbsent(r.mode(), m -> new LinkedHashMap<>())
                    .computeIfAbsent(r.level(), l -> new LinkedHashMap<>())
                    .computeIfAbsent(r.target(), t -> new ArrayList<>())
                    .add(r);
        }
        StringBuilder out = new StringBuilder();
        for (var mode : byMode.entrySet()) {
            out.append("\n")
                    .append(mode.getKey())
                    .append(" loop (medians of each figure over the runs)\n\n")
                    .append("| level | target | runs | answered/s | p50 ms | p99 ms | added p50 / p99 ms"
                            + " | CPU ms/request | RSS MB | failed | load average |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (var level : mode.getValue().entrySet()) {
                Optional<List<Row>> direct =
                        Optional.ofNullable(level.getValue().get("direct"));
                for (var target : level.getValue().entrySet()) {
                    List<Row> runs = target.getValue();
                    boolean saturated = runs.stream().anyMatch(Row::saturated);
                    String added = saturated
                            ? "saturated"
                            : direct.isPresent() && !target.getKey().equals("direct")
                                    ? fmt(median(runs, Row::p50) - median(direct.get(), Row::p50)) + " / "
                                            + fmt(median(runs, Row::p99) - median(direct.get(), Row::p99))
                                    : "";
                    out.append(String.format(
                            Locale.ROOT,
                            "| %s | %s | %d | %,.0f | %s | %s | %s | %s | %d | %d | %s |%n",
                            level.getKey(),
                            target.getKey(),
                            runs.size(),
                            median(runs, Row::perSecond),
                            fmt(median(runs, Row::p50)),
                            fmt(median(runs, Row::p99)),
                            added,
                            String.format(Locale.ROOT, "%.3f", median(runs, Row::cpuMs)),
                            (long) median(runs, r -> r.rssMb()),
                            runs.stream().mapToLong(Row::failed).sum(),
                            runs.get(0).loadBefore() + " .. "
                                    + runs.get(runs.size() - 1).loadAfter()));
                }
                List<Row> atrium = level.getValue().get("atrium");
                List<Row> portkey = level.getValue().get("portkey");
                if (atrium != null && portkey != null && mode.getKey().equals("closed")) {
                    out.append(String.format(
                            Locale.ROOT,
                            "| %s | Atrium against Portkey | | %.1fx the requests/s | | | | %.1fx less CPU | | | |%n",
                            level.getKey(),
                            median(atrium, Row::perSecond) / median(portkey, Row::perSecond),
                            median(portkey, Row::cpuMs) / median(atrium, Row::cpuMs)));
                }
            }
        }
        return out.toString();
    }

    private static String fmt(double ms) {
        return String.format(Locale.ROOT, "%.2f", ms);
    }

    private static double median(List<Row> rows, java.util.function.ToDoubleFunction<Row> figure) {
        double[] values = rows.stream().mapToDouble(figure).toArray();
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
