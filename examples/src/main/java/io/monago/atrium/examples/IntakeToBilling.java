package io.monago.atrium.examples;

import io.monago.atrium.Atrium;
import io.monago.atrium.agent.Agent;
import io.monago.atrium.agent.RunLimitExceededException;
import io.monago.atrium.agent.RunLimits;
import io.monago.atrium.agent.RunResult;
import io.monago.atrium.agent.Runner;
import io.monago.atrium.tool.FunctionTool;
import io.monago.atrium.tool.Param;

/**
 * Two agents and a handoff: an intake agent that hands billing questions to a billing agent, which
 * looks the bill up with a tool. The run has a rupiah budget; run again with a budget too small for
 * three calls, it stops with {@link RunLimitExceededException} and the transcript of what it spent.
 *
 * <p>Runs offline: a gateway in-process, in front of a scripted model.
 *
 * <pre>
 * ./mvnw -q -pl examples exec:java -Dexample=IntakeToBilling
 * </pre>
 */
public final class IntakeToBilling {

    private IntakeToBilling() {}

    /** The bill tool's arguments. */
    public record BillQuery(@Param("medical record number") String mrn) {}

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        try (OfflineGateway offline = new OfflineGateway(IntakeToBilling::scriptedModel);
                Atrium client = offline.client()) {
            FunctionTool bill = FunctionTool.of(
                    "outstanding_bill",
                    "The patient's unpaid bill in rupiah",
                    BillQuery.class,
                    q -> java.util.Map.of("mrn", q.mrn(), "amount_idr", 1_250_000, "covered_by_bpjs", false));
            Agent billing = Agent.builder("billing")
                    .model(Examples.model())
                    .description("Bills, payments and BPJS coverage")
                    .instructions("You answer billing questions. Look the bill up first.")
                    .tool(bill)
                    .build();
            Agent intake = Agent.builder("intake")
                    .model(Examples.model())
                    .instructions("You greet patients at registration and route their questions.")
                    .handoffs(billing)
                    .build();
            String question = "Saya pasien RM-0042, berapa tagihan saya?";

            try (Runner runner = Runner.builder(client)
                    .limits(RunLimits.defaults().withMaxCostIdr(20))
                    .build()) {
                RunResult result = runner.run(intake, question);
                System.out.println("Answer: " + result.text());
                ClinicalTriage.printTranscript(result);
            }

            System.out.println();
            System.out.println("The same run with a budget of Rp 1:");
            try (Runner runner = Runner.builder(client)
                    .limits(RunLimits.defaults().withMaxCostIdr(1))
                    .build()) {
                runner.run(intake, question);
            } catch (RunLimitExceededException e) {
                System.out.println("  stopped: " + e.getMessage() + " after "
                        + e.transcript().modelCalls().size() + " model call(s), audit "
                        + e.transcript().auditIds());
            }
        }
    }

    private static String scriptedModel(com.fasterxml.jackson.databind.JsonNode request) {
        String agent = request.path("metadata").path("atrium_agent").asText();
        if (agent.equals("intake")) {
            return OfflineGateway.toolCall("call_h", "transfer_to_billing", "{}");
        }
        if ("tool".equals(OfflineGateway.lastRole(request))
                && OfflineGateway.lastMessage(request).contains("amount_idr")) {
            return OfflineGateway.text("Tagihan Anda Rp 1.250.000 dan tidak ditanggung BPJS.");
        }
        return OfflineGateway.toolCall("call_b", "outstanding_bill", "{\"mrn\":\"RM-0042\"}");
    }
}
