package io.monago.atrium.bench;

import io.monago.atrium.guard.pii.PiiScanner;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PII scan throughput of the default scanner (every recogniser on), single-threaded, on mixed
 * prompt text of three sizes and on adversarial inputs. JMH reports scans per second; MB/s is that
 * times the input size (all inputs are ASCII, so characters are bytes). Figures and the command
 * live in {@code docs/benchmarks.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PiiScanBenchmark {
    /** Which input to scan; see {@link Inputs#make}. */
    @Param({
        "mixed-1k",
        "mixed-16k",
        "mixed-1m",
        "digits-1m",
        "at-1m",
        "context-word-1m",
        "spaced-digits-1m",
        "dotted-digits-1m",
        "password-word-1m",
        "colons-1m",
        "dashes-1m",
        "hex-tokens-1m",
        "phone-list-1m",
        "titles-1m",
        "capitalised-1m",
        "address-list-1m"
    })
    public String input;

    private final PiiScanner scanner = PiiScanner.defaults();
    private String text;

    /** Builds the input once per trial. */
    @Setup
    public void setup() {
        text = Inputs.make(input);
    }

    /**
     * One scan of the whole input.
     *
     * @return the number of findings, so the work is not optimised away
     */
    @Benchmark
    public int scan() {
        return scanner.scan(text).size();
    }

    /** Input size in bytes, for MB/s: {@code ops/s * bytes / 1e6}. */
    int bytes() {
        return text.length();
    }

    /** The benchmark inputs; seeded, so every run scans the same text. */
    static final class Inputs {
        private static final int KB = 1000;
        private static final int MB = 1_000_000;

        private Inputs() {}

        static String make(String name) {
            return switch (name) {
                case "mixed-1k" -> new MixedText(1).make(KB);
                case "mixed-16k" -> new MixedText(16).make(16 * KB);
                case "mixed-1m" -> new MixedText(1024).make(MB);
                case "digits-1m" -> repeat("0123456789", MB);
                case "at-1m" -> repeat("@", MB);
                case "context-word-1m" -> repeat("NIK ", MB);
                case "spaced-digits-1m" -> repeat("1 ", MB);
                case "dotted-digits-1m" -> repeat("1.", MB);
                case "password-word-1m" -> repeat("password ", MB);
                case "colons-1m" -> repeat("ab:", MB);
                case "dashes-1m" -> repeat("-", MB);
                case "hex-tokens-1m" -> repeat("3f786850e387550fdab836ed7e6dc881de23001b ", MB);
                case "phone-list-1m" -> repeat("HP 0812-3456-7890, ", MB);
                case "titles-1m" -> repeat("Tn. ", MB);
                case "capitalised-1m" -> repeat("Dewi ", MB);
                case "address-list-1m" -> repeat("Jl. Melati No. 12 RT 003/RW 005, ", MB);
                default -> throw new IllegalArgumentException("unknown input " + name);
            };
        }

        private static String repeat(String unit, int length) {
            StringBuilder b = new StringBuilder(length + unit.length());
            while (b.length() < length) {
                b.append(unit);
            }
            return b.substring(0, length);
        }
    }

    /**
     * Prompt-like text: Indonesian and English clinical, banking and support prose with numbers
     * (doses, dates, amounts, room numbers), some personal data (about one value per 400
     * characters), code, JSON and log lines.
     */
    static final class MixedText {
        private static final String[] PROSE = {
            "Pasien laki-laki usia 45 tahun datang dengan keluhan batuk berdahak sejak 2 minggu, demam naik turun, "
                    + "dan nafsu makan menurun. Riwayat merokok 20 batang per hari selama 15 tahun. ",
            "Tolong buatkan ringkasan rekam medis untuk dokter jaga, sertakan diagnosis banding dan rencana "
                    + "pemeriksaan penunjang seperti foto toraks dan tes dahak BTA. ",
            "The customer reports that the mobile banking app crashes after the latest update whenever they try "
                    + "to open the transfer history on Android 14. ",
            "Please summarise the following support ticket and suggest a polite reply in Bahasa Indonesia, "
                    + "keeping the tone friendly and the answer under 120 words. ",
            "Berdasarkan hasil laboratorium, kadar hemoglobin 11,2 g/dL, leukosit 12.400/uL, dan trombosit "
                    + "dalam batas normal. Mohon interpretasikan hasil ini. ",
            "Write a Java method that validates an order request, returns a list of errors, and never throws for "
                    + "bad user input; use records where they fit. ",
            "Nasabah menanyakan mengapa transfer antarbank sebesar Rp 2.500.000 pada tanggal 12-03-2024 belum "
                    + "masuk ke rekening tujuan setelah 3 hari kerja. ",
            "Translate the discharge instructions into plain English: take paracetamol 500 mg three times a day "
                    + "after meals for 5 days, drink plenty of water, and return if the fever persists. ",
        };
        private static final String[] CODE = {
            "for (int i = 0; i < items.size(); i++) { total += items.get(i).price() * 1.11; }\n",
            "{\"id\": 48213, \"status\": \"shipped\", \"items\": [{\"sku\": \"A-1029\", \"qty\": 2}], \"total\": 259000}\n",
            "2024-03-12T10:15:30Z INFO  c.m.a.gateway.Router - routed request 7f3c9a2e to provider=openai in 812ms\n",
            "SELECT id, name FROM patients WHERE ward = 'ICU' AND admitted_at > now() - interval '7 days';\n",
            "See https://docs.example.com/v2/api/orders?page=3&limit=50 for the pagination rules.\n",
        };

        private final Random rnd;

        MixedText(long seed) {
            rnd = new Random(seed);
        }

        String make(int length) {
            StringBuilder b = new StringBuilder(length + 512);
            while (b.length() < length) {
                int k = rnd.nextInt(10);
                if (k < 6) {
                    b.append(PROSE[rnd.nextInt(PROSE.length)]);
                } else if (k < 8) {
                    b.append(CODE[rnd.nextInt(CODE.length)]);
                } else {
                    b.append(personal());
                }
            }
            return b.substring(0, length);
        }

        private String digits(int n) {
            StringBuilder b = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                b.append((char) ('0' + rnd.nextInt(10)));
            }
            return b.toString();
        }

        private String personal() {
            return switch (rnd.nextInt(6)) {
                case 0 -> "Pasien dengan NIK 3201" + digits(12) + " dan nomor HP 0812" + digits(8) + " kontrol ulang. ";
                case 1 -> "Please email the report to budi.santoso" + rnd.nextInt(100) + "@rs-harapan.co.id today. ";
                case 2 -> "Transfer ke rekening BCA " + digits(10) + " a.n. Siti Rahayu sudah dilakukan. ";
                case 3 -> "Card 4111 1111 1111 1111 was declined at 14:02, ref " + digits(6) + ". ";
                case 4 ->
                    "Tanggal lahir: " + (1 + rnd.nextInt(28)) + " Maret 19" + (50 + rnd.nextInt(50)) + ", No. RM "
                            + digits(2) + "-" + digits(2) + "-" + digits(2) + ". ";
                default ->
                    "Server 10.0." + rnd.nextInt(256) + "." + rnd.nextInt(256) + " returned 503 for user " + digits(5)
                            + ". ";
            };
        }
    }
}
