package io.monago.atrium.examples;

import io.monago.atrium.Atrium;
import io.monago.atrium.agent.Agent;
import io.monago.atrium.agent.RunResult;
import io.monago.atrium.agent.RunStep;
import io.monago.atrium.agent.Runner;
import io.monago.atrium.tool.Param;
import io.monago.atrium.tool.Tool;
import java.util.List;

/**
 * A clinical triage assistant with a patient-lookup tool. The tool's result carries the patient's
 * NIK; the gateway redacts it in the {@code tool} message before the model receives it, so the
 * model never sees it, and the run's transcript shows each step's audit id, decision, redacted PII
 * and cost. The answer is a typed {@link Triage} record.
 *
 * <p>Runs offline: a gateway in-process, in front of a scripted model.
 *
 * <pre>
 * ./mvnw -q -pl examples exec:java -Dexample=ClinicalTriage
 * </pre>
 */
public final class ClinicalTriage {

    private ClinicalTriage() {}

    /** A patient as the hospital's registry returns it. */
    public record Patient(String mrn, String nik, String name, int age, List<String> allergies) {}

    /** The triage decision the agent answers with. */
    public record Triage(
            @Param("ATS category, 1 (immediate) to 5 (non-urgent)")
            int atsLevel,

            @Param("where the patient should go") String ward,

            @Param("why, in one sentence, without identifiers")
            String reason) {}

    /** The hospital's tools. */
    public static final class RegistryTools {
        /**
         * Looks a patient up.
         *
         * @param mrn the medical record number
         * @return the patient
         */
        @Tool("Finds a patient by medical record number: age, allergies and identifiers")
        public Patient lookupPatient(@Param(name = "mrn", value = "medical record number, e.g. RM-0042") String mrn) {
            return new Patient(mrn, "3201234567890123", "Budi Santoso", 54, List.of("penicillin"));
        }
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        try (OfflineGateway offline = new OfflineGateway(request -> "tool".equals(OfflineGateway.lastRole(request))
                        ? OfflineGateway.text("{\"atsLevel\":2,\"ward\":\"IGD resusitasi\",\"reason\":"
                                + "\"Chest pain for an hour at 54 needs an ECG within 10 minutes.\"}")
                        : OfflineGateway.toolCall("call_1", "lookup_patient", "{\"mrn\":\"RM-0042\"}"));
                Atrium client = offline.client();
                Runner runner = Runner.builder(client).build()) {
            Agent triage = Agent.builder("triage")
                    .model(Examples.model())
                    .instructions("You triage emergency-department patients with the ATS scale. "
                            + "Look the patient up before deciding.")
                    .tools(new RegistryTools())
                    .outputType(Triage.class)
                    .build();

            RunResult result = runner.run(triage, "Pasien RM-0042 nyeri dada sejak 1 jam.");

            Triage t = result.output(Triage.class);
            System.out.println("Triage: ATS " + t.atsLevel() + ", " + t.ward() + " (" + t.reason() + ")");
            System.out.println();
            System.out.println("What the model received as the tool's result:");
            System.out.println(
                    "  " + OfflineGateway.lastMessage(offline.modelSaw().get(1)));
            System.out.println();
            printTranscript(result);
        }
    }

    static void printTranscript(RunResult result) {
        System.out.println("Run " + result.runId());
        for (RunStep s : result.transcript().steps()) {
            System.out.printf(
                    "  step %d  %-10s %-9s %-16s audit=%s decision=%s pii=%s cost=%s%n",
                    s.step(),
                    s.kind(),
                    s.agent(),
                    s.tool().orElse(""),
                    s.auditId().orElse("-"),
                    s.governance().decisionWord().orElse("-"),
                    s.governance().piiRedacted(),
                    s.governance().costIdr().isPresent()
                            ? "Rp " + s.governance().costIdr().getAsDouble()
                            : "-");
        }
        System.out.printf(
                "  total Rp %.2f, %d tokens%n",
                result.transcript().totalCostIdr(), result.transcript().totalTokens());
    }
}
