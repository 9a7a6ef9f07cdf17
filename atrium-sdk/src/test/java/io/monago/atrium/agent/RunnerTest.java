package io.monago.atrium.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monago.atrium.Atrium;
import io.monago.atrium.errors.SecurityBlockedException;
import io.monago.atrium.protocol.AgentMetadata;
import io.monago.atrium.skill.Skill;
import io.monago.atrium.tool.FunctionTool;
import io.monago.atrium.tool.Param;
import io.monago.atrium.tool.Tool;
import io.monago.atrium.tool.ToolResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunnerTest {

    private static final String MODEL = "gpt-5.4-mini";

    private final ScriptedUpstream upstream = new ScriptedUpstream();
    private final Atrium client = upstream.client();
    private final AtomicInteger runNumber = new AtomicInteger();
    private final List<ApprovalRequest> approvals = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        client.close();
        upstream.close();
    }

    private Runner.Builder runner() {
        return Runner.builder(client).runIds(() -> "run-" + runNumber.incrementAndGet());
    }

    public static final class PatientTools {
        final List<String> lookedUp = new CopyOnWriteArrayList<>();

        @Tool("Finds a patient by medical record number")
        public Map<String, Object> lookupPatient(@Param(name = "mrn") String mrn) {
            lookedUp.add(mrn);
            return Map.of("mrn", mrn, "nik", "3201234567890123", "allergies", List.of("penicillin"));
        }

        @Tool(value = "Orders a lab test", requiresApproval = true)
        public String orderLab(@Param(name = "mrn") String mrn, @Param(name = "nik") String nik) {
            lookedUp.add("lab:" + mrn);
            return "ordered";
        }
    }

    private Agent triage(PatientTools tools) {
        return Agent.builder("triage")
                .model(MODEL)
                .instructions("You triage patients.")
                .tools(tools)
                .build();
    }

    @Test
    void theLoopRunsTheRequestedToolSendsItsResultAsAToolMessageAndTagsEveryCall() {
        PatientTools tools = new PatientTools();
        upstream.callTools("triage", "lookup_patient", "{\"mrn\":\"RM-0042\"}")
                .answer("triage", "Allergic to penicillin: avoid amoxicillin.");

        try (Runner runner = runner().build()) {
            RunResult result = runner.run(triage(tools), "Can RM-0042 take amoxicillin?");

            assertThat(result.text()).isEqualTo("Allergic to penicillin: avoid amoxicillin.");
            assertThat(tools.lookedUp).containsExactly("RM-0042");
            List<ScriptedUpstream.Received> calls = upstream.received();
            assertThat(calls).hasSize(2);
            assertThat(calls.get(0).toolNames()).containsExactly("lookup_patient", "order_lab");
            assertThat(calls.get(0).messages().get(0).path("content").asText()).isEqualTo("You triage patients.");
            ScriptedUpstream.Received second = calls.get(1);
            assertThat(second.lastMessage().path("role").asText()).isEqualTo("tool");
            assertThat(second.lastMessage().path("tool_call_id").asText())
                    .isEqualTo(second.messages()
                            .get(2)
                            .path("tool_calls")
                            .get(0)
                            .path("id")
                            .asText());
            assertThat(second.lastMessage().path("content").asText()).contains("penicillin");
            for (int i = 0; i < 2; i++) {
                assertThat(calls.get(i).metadata(AgentMetadata.RUN_ID)).isEqualTo("run-1");
                assertThat(calls.get(i).metadata(AgentMetadata.STEP)).isEqualTo(Integer.toString(i + 1));
                assertThat(calls.get(i).metadata(AgentMetadata.AGENT)).isEqualTo("triage");
            }
            assertThat(calls.get(0).metadata(AgentMetadata.TOOLS)).isNull();
            assertThat(second.metadata(AgentMetadata.TOOLS)).isEqualTo("lookup_patient");

            Transcript t = result.transcript();
            assertThat(t.runId()).isEqualTo("run-1");
            assertThat(t.steps())
                    .extracting(RunStep::kind)
                    .containsExactly(RunStep.Kind.MODEL_CALL, RunStep.Kind.TOOL_CALL, RunStep.Kind.MODEL_CALL);
            assertThat(t.steps().get(1).tool()).contains("lookup_patient");
            assertThat(t.steps().get(1).step()).isEqualTo(1);
            assertThat(t.auditIds()).containsExactly("audit-1", "audit-2");
            assertThat(t.totalCostIdr()).isEqualTo(20.0);
            assertThat(t.totalTokens()).isEqualTo(200);
            assertThat(t.traceId()).isEmpty();
        }
    }

    @Test
    void withATokenListenerEveryCallStreamsAndTheRunIsTheSame() {
        PatientTools tools = new PatientTools();
        upstream.callTools("triage", "lookup_patient", "{\"mrn\":\"RM-0042\"}")
                .answer("triage", "Allergic to penicillin: avoid amoxicillin.");
        List<String> pieces = new CopyOnWriteArrayList<>();

        try (Runner runner = runner().onToken(
                        (runId, step, agent, text) -> pieces.add(runId + "/" + step + "/" + agent + ":" + text))
                .build()) {
            RunResult result = runner.run(triage(tools), "Can RM-0042 take amoxicillin?");

            assertThat(upstream.received())
                    .allSatisfy(
                            r -> assertThat(r.body().path("stream").asBoolean()).isTrue());
            // The tool call came in fragments and was put together before the tool ran.
            assertThat(tools.lookedUp).containsExactly("RM-0042");
            assertThat(result.text()).isEqualTo("Allergic to penicillin: avoid amoxicillin.");
            assertThat(pieces).hasSizeGreaterThan(5).allMatch(p -> p.startsWith("run-1/2/triage:"));
            assertThat(pieces.stream()
                            .map(p -> p.substring("run-1/2/triage:".length()))
                            .reduce("", String::concat))
                    .isEqualTo(result.text());
            Transcript t = result.transcript();
            assertThat(t.auditIds()).containsExactly("audit-1", "audit-2");
            assertThat(t.totalCostIdr()).isEqualTo(20.0);
            assertThat(t.totalTokens()).isEqualTo(200);
        }
    }

    @Test
    void badArgumentsAndAThrowingToolGoBackToTheModelAndTheRunGoesOn() {
        FunctionTool flaky = FunctionTool.builder("flaky")
                .description("fails")
                .handler(args -> {
                    throw new IllegalStateException("registry offline");
                })
                .build();
        Agent agent = Agent.builder("a")
                .model(MODEL)
                .tools(new PatientTools())
                .tool(flaky)
                .build();
        upstream.callTools("a", "lookup_patient", "{\"medical_record\":\"RM-1\"}", "flaky", "{}")
                .answer("a", "Sorry, I could not look that up.");

        try (Runner runner = runner().build()) {
            RunResult result = runner.run(agent, "look up RM-1");

            assertThat(result.text()).isEqualTo("Sorry, I could not look that up.");
            ScriptedUpstream.Received second = upstream.received().get(1);
            String lookup = second.messages().get(3).path("content").asText();
            String failed = second.messages().get(4).path("content").asText();
            assertThat(lookup).contains("mrn: required").contains("medical_record: not a known field");
            assertThat(failed).isEqualTo("Error: flaky failed: IllegalStateException: registry offline");
            assertThat(result.transcript().steps())
                    .filteredOn(s -> s.kind() == RunStep.Kind.TOOL_CALL)
                    .extracting(s -> s.toolStatus().orElseThrow())
                    .containsExactly(ToolResult.Status.INVALID_ARGUMENTS, ToolResult.Status.FAILED);
        }
    }

    @Test
    void toolCallsTheModelAsksForTogetherRunInParallel() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<Boolean> sawTheOther = new CopyOnWriteArrayList<>();
        FunctionTool waiting = FunctionTool.builder("wait_for_peer")
                .description("x")
                .handler(args -> {
                    bothStarted.countDown();
                    // Returns true only if the other call is running at the same time.
                    sawTheOther.add(bothStarted.await(10, TimeUnit.SECONDS));
                    return args.path("n").asText();
                })
                .parameters(Map.of("type", "object", "properties", Map.of("n", Map.of("type", "string"))))
                .build();
        Agent agent = Agent.builder("a").model(MODEL).tool(waiting).build();
        upstream.callTools("a", "wait_for_peer", "{\"n\":\"first\"}", "wait_for_peer", "{\"n\":\"second\"}")
                .answer("a", "done");

        try (Runner runner = runner().build()) {
            runner.run(agent, "go");
        }

        assertThat(sawTheOther).containsExactly(true, true);
        ScriptedUpstream.Received second = upstream.received().get(1);
        assertThat(second.messages().get(3).path("content").asText()).isEqualTo("first");
        assertThat(second.messages().get(4).path("content").asText()).isEqualTo("second");
        assertThat(second.metadata(AgentMetadata.TOOLS)).isEqualTo("wait_for_peer,wait_for_peer");
    }

    @Test
    void theStepLimitStopsTheRunWithItsTranscript() {
        Agent agent = triage(new PatientTools());
        for (int i = 0; i < 5; i++) {
            upstream.callTools("triage", "lookup_patient", "{\"mrn\":\"RM-" + i + "\"}");
        }

        try (Runner runner =
                runner().limits(RunLimits.defaults().withMaxSteps(3)).build()) {
            assertThatThrownBy(() -> runner.run(agent, "loop forever"))
                    .isInstanceOfSatisfying(RunLimitExceededException.class, e -> {
                        assertThat(e.limit()).isEqualTo(RunLimitExceededException.Limit.STEPS);
                        assertThat(e.getMessage()).isEqualTo("step limit of 3 model calls reached");
                        assertThat(e.transcript().modelCalls()).hasSize(3);
                    });
        }
        assertThat(upstream.received()).hasSize(3);
    }

    @Test
    void theTokenBudgetStopsTheRunAfterTheCallThatCrossedIt() {
        upstream.tokensPerCall(400);
        for (int i = 0; i < 3; i++) {
            upstream.callTools("triage", "lookup_patient", "{\"mrn\":\"RM-" + i + "\"}");
        }

        try (Runner runner =
                runner().limits(RunLimits.defaults().withMaxTokens(1000)).build()) {
            assertThatThrownBy(() -> runner.run(triage(new PatientTools()), "x"))
                    .isInstanceOfSatisfying(RunLimitExceededException.class, e -> {
                        assertThat(e.limit()).isEqualTo(RunLimitExceededException.Limit.TOKENS);
                        assertThat(e.transcript().totalTokens()).isEqualTo(1200);
                    });
        }
        assertThat(upstream.received()).hasSize(3);
    }

    @Test
    void theRupiahBudgetStopsTheRun() {
        upstream.costPerCall(30.0);
        for (int i = 0; i < 3; i++) {
            upstream.callTools("triage", "lookup_patient", "{\"mrn\":\"RM-" + i + "\"}");
        }

        try (Runner runner =
                runner().limits(RunLimits.defaults().withMaxCostIdr(50.0)).build()) {
            assertThatThrownBy(() -> runner.run(triage(new PatientTools()), "x"))
                    .isInstanceOfSatisfying(RunLimitExceededException.class, e -> {
                        assertThat(e.limit()).isEqualTo(RunLimitExceededException.Limit.COST_IDR);
                        assertThat(e.getMessage()).isEqualTo("rupiah budget of 50.0 exceeded (60.0 spent)");
                        assertThat(e.transcript().auditIds()).containsExactly("audit-1", "audit-2");
                    });
        }
    }

    @Test
    void aBlockedStepStopsTheRunWithTheTypedExceptionAndItsAuditId() {
        PatientTools tools = new PatientTools();
        upstream.callTools("triage", "lookup_patient", "{\"mrn\":\"RM-0042\"}")
                .block("triage", "prompt injection in a tool result");

        List<RunStep> seen = new CopyOnWriteArrayList<>();
        try (Runner runner = runner().onStep((runId, step) -> seen.add(step)).build()) {
            assertThatThrownBy(() -> runner.run(triage(tools), "x"))
                    .isInstanceOfSatisfying(SecurityBlockedException.class, e -> {
                        assertThat(e.auditId()).contains("audit-2");
                        assertThat(e.blockReason()).contains("prompt injection in a tool result");
                    });
        }
        assertThat(upstream.received().get(1).lastMessage().path("role").asText())
                .isEqualTo("tool");
        // The step listener saw the run up to the block, the blocked call with its governance included.
        assertThat(seen)
                .extracting(RunStep::kind)
                .containsExactly(RunStep.Kind.MODEL_CALL, RunStep.Kind.TOOL_CALL, RunStep.Kind.MODEL_CALL);
        assertThat(seen.get(2).auditId()).contains("audit-2");
        assertThat(seen.get(2).governance().blocked()).isTrue();
        assertThat(seen.get(2).governance().securityIncidents()).containsExactly("prompt_injection");
    }

    @Test
    void approvalGrantedRunsTheToolAndTheHandlerSeesLongDigitRunsMasked() {
        PatientTools tools = new PatientTools();
        upstream.callTools("triage", "order_lab", "{\"mrn\":\"RM-0042\",\"nik\":\"3201234567890123\"}")
                .answer("triage", "Lab ordered.");

        try (Runner runner = runner().approvalHandler(req -> {
                    approvals.add(req);
                    return ApprovalDecision.approve();
                })
                .build()) {
            RunResult result = runner.run(triage(tools), "order a lab");

            assertThat(result.text()).isEqualTo("Lab ordered.");
        }
        assertThat(tools.lookedUp).containsExactly("lab:RM-0042");
        assertThat(approvals).hasSize(1);
        ApprovalRequest req = approvals.get(0);
        assertThat(req.runId()).isEqualTo("run-1");
        assertThat(req.agent()).isEqualTo("triage");
        assertThat(req.tool()).isEqualTo("order_lab");
        assertThat(req.arguments().path("nik").asText()).isEqualTo("************0123");
        assertThat(req.arguments().path("mrn").asText()).isEqualTo("RM-0042");
    }

    @Test
    void approvalDeniedDoesNotRunTheToolAndTellsTheModelWhy() {
        PatientTools tools = new PatientTools();
        upstream.callTools("triage", "order_lab", "{\"mrn\":\"RM-0042\",\"nik\":\"3201234567890123\"}")
                .answer("triage", "A doctor must order it.");

        try (Runner runner = runner().approvalHandler(req -> ApprovalDecision.deny("a doctor must order labs"))
                .build()) {
            RunResult result = runner.run(triage(tools), "order a lab");

            assertThat(result.transcript().steps().get(1).toolStatus()).contains(ToolResult.Status.DENIED);
        }
        assertThat(tools.lookedUp).isEmpty();
        assertThat(upstream.received().get(1).lastMessage().path("content").asText())
                .isEqualTo("Denied: order_lab was not approved: a doctor must order labs. "
                        + "Do not call it again for this request.");
    }

    @Test
    void withoutAnApprovalHandlerAToolThatNeedsApprovalIsDenied() {
        PatientTools tools = new PatientTools();
        upstream.callTools("triage", "order_lab", "{\"mrn\":\"RM-1\",\"nik\":\"1\"}")
                .answer("triage", "ok");

        try (Runner runner = runner().build()) {
            runner.run(triage(tools), "x");
        }
        assertThat(tools.lookedUp).isEmpty();
        assertThat(upstream.received().get(1).lastMessage().path("content").asText())
                .contains("no approval handler is configured");
    }

    @Test
    void aHandoffPassesTheConversationToTheOtherAgent() {
        Agent billing = Agent.builder("billing")
                .model(MODEL)
                .description("Bills and payments")
                .instructions("You handle billing.")
                .build();
        Agent intake = Agent.builder("intake")
                .model(MODEL)
                .instructions("You do intake.")
                .handoffs(billing)
                .build();
        upstream.callTools("intake", "transfer_to_billing", "{}").answer("billing", "Your bill is Rp 150.000.");

        try (Runner runner = runner().build()) {
            RunResult result = runner.run(intake, "How much do I owe?");

            assertThat(result.text()).isEqualTo("Your bill is Rp 150.000.");
            assertThat(result.transcript().steps())
                    .extracting(RunStep::kind, RunStep::agent)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(RunStep.Kind.MODEL_CALL, "intake"),
                            org.assertj.core.groups.Tuple.tuple(RunStep.Kind.HANDOFF, "intake"),
                            org.assertj.core.groups.Tuple.tuple(RunStep.Kind.MODEL_CALL, "billing"));
        }
        ScriptedUpstream.Received first = upstream.received().get(0);
        assertThat(first.toolNames()).containsExactly("transfer_to_billing");
        ScriptedUpstream.Received second = upstream.received().get(1);
        assertThat(second.metadata(AgentMetadata.AGENT)).isEqualTo("billing");
        assertThat(second.metadata(AgentMetadata.STEP)).isEqualTo("2");
        assertThat(second.messages().get(0).path("content").asText()).isEqualTo("You handle billing.");
        assertThat(second.messages().get(1).path("content").asText()).isEqualTo("How much do I owe?");
        assertThat(second.lastMessage().path("content").asText()).isEqualTo("Transferred to billing.");
    }

    @Test
    void aParallelFanOutRunsEveryBranchOnTheInputAndJoinsTheirAnswers() {
        Agent cardio = Agent.builder("cardio").model(MODEL).build();
        Agent pulmo = Agent.builder("pulmo").model(MODEL).build();
        Agent summary = Agent.builder("summary").model(MODEL).build();
        upstream.answer("cardio", "ECG normal")
                .answer("pulmo", "Rule out TB")
                .answer("summary", "Refer to pulmonology");

        try (Runner runner = runner().build()) {
            RunResult result =
                    runner.run(Flows.parallel(List.of(cardio, pulmo), Flows.joinWith(summary)), "cough 2 weeks");

            assertThat(result.text()).isEqualTo("Refer to pulmonology");
            assertThat(result.transcript().modelCalls()).hasSize(3);
        }
        assertThat(upstream.receivedFrom("cardio")
                        .get(0)
                        .lastMessage()
                        .path("content")
                        .asText())
                .isEqualTo("cough 2 weeks");
        assertThat(upstream.receivedFrom("pulmo")
                        .get(0)
                        .lastMessage()
                        .path("content")
                        .asText())
                .isEqualTo("cough 2 weeks");
        assertThat(upstream.receivedFrom("summary")
                        .get(0)
                        .lastMessage()
                        .path("content")
                        .asText())
                .isEqualTo("Request:\ncough 2 weeks\n\nAnswers:\n\n## cardio\nECG normal\n\n## pulmo\nRule out TB");
        assertThat(upstream.received())
                .extracting(r -> r.metadata(AgentMetadata.RUN_ID))
                .containsOnly("run-1");
        assertThat(upstream.received())
                .extracting(r -> r.metadata(AgentMetadata.STEP))
                .containsExactlyInAnyOrder("1", "2", "3");
    }

    @Test
    void aSequenceFeedsEachAnswerToTheNextAndALoopRunsUntilItsCondition() {
        Agent draft = Agent.builder("draft").model(MODEL).build();
        Agent review = Agent.builder("review").model(MODEL).build();
        upstream.answer("draft", "draft 1").answer("review", "needs work").answer("review", "APPROVED");

        try (Runner runner = runner().build()) {
            RunResult result = runner.run(
                    Flows.sequence(draft, Flows.loop(review, answer -> answer.contains("APPROVED"), 5)), "write");

            assertThat(result.text()).isEqualTo("APPROVED");
        }
        List<ScriptedUpstream.Received> reviews = upstream.receivedFrom("review");
        assertThat(reviews).hasSize(2);
        assertThat(reviews.get(0).lastMessage().path("content").asText()).isEqualTo("draft 1");
        assertThat(reviews.get(1).lastMessage().path("content").asText()).isEqualTo("needs work");
    }

    @Test
    void aSupervisorRoutesToTheSubAgentTheModelChoosesAndReadsItsAnswer() {
        Agent pharmacy = Agent.builder("pharmacy")
                .model(MODEL)
                .description("Drug questions")
                .build();
        Agent radiology = Agent.builder("radiology")
                .model(MODEL)
                .description("Imaging questions")
                .build();
        Agent lead = Flows.supervisor(Agent.builder("lead").model(MODEL).build(), pharmacy, radiology);
        upstream.callTools("lead", "ask_pharmacy", "{\"task\":\"max paracetamol dose for 60 kg adult\"}")
                .answer("pharmacy", "4 g per day")
                .answer("lead", "At most 4 g of paracetamol a day.");

        try (Runner runner = runner().build()) {
            RunResult result = runner.run(lead, "How much paracetamol can he take?");

            assertThat(result.text()).isEqualTo("At most 4 g of paracetamol a day.");
            assertThat(result.transcript().modelCalls())
                    .extracting(RunStep::agent)
                    .containsExactly("lead", "pharmacy", "lead");
        }
        assertThat(upstream.received().get(0).toolNames()).containsExactly("ask_pharmacy", "ask_radiology");
        assertThat(upstream.receivedFrom("radiology")).isEmpty();
        assertThat(upstream.receivedFrom("pharmacy")
                        .get(0)
                        .lastMessage()
                        .path("content")
                        .asText())
                .isEqualTo("max paracetamol dose for 60 kg adult");
        assertThat(upstream.received().get(2).lastMessage().path("content").asText())
                .isEqualTo("4 g per day");
    }

    public record Triage(@Param("ATS level 1 to 5") int level, String reason) {}

    @Test
    void aTypedOutputSendsItsSchemaAndAnInvalidAnswerIsRetriedOnce() {
        Agent agent =
                Agent.builder("triage").model(MODEL).outputType(Triage.class).build();
        upstream.answer("triage", "{\"level\":\"two\",\"reason\":\"chest pain\"}")
                .answer("triage", "{\"level\":2,\"reason\":\"chest pain\"}");

        try (Runner runner = runner().build()) {
            RunResult result = runner.run(agent, "chest pain 1 hour");

            assertThat(result.output(Triage.class)).isEqualTo(new Triage(2, "chest pain"));
        }
        ScriptedUpstream.Received first = upstream.received().get(0);
        assertThat(first.body().path("response_format").path("type").asText()).isEqualTo("json_schema");
        assertThat(first.body()
                        .path("response_format")
                        .path("json_schema")
                        .path("schema")
                        .path("required")
                        .toString())
                .isEqualTo("[\"level\",\"reason\"]");
        assertThat(upstream.received().get(1).lastMessage().path("content").asText())
                .isEqualTo("Your answer does not fit the required JSON schema: level: expected integer, got a string. "
                        + "Answer again with only a JSON object that fits it.");
    }

    @Test
    void aTypedOutputInvalidTwiceFailsTheRun() {
        Agent agent =
                Agent.builder("triage").model(MODEL).outputType(Triage.class).build();
        upstream.answer("triage", "level two").answer("triage", "{\"level\":2}");

        try (Runner runner = runner().build()) {
            assertThatThrownBy(() -> runner.run(agent, "x")).isInstanceOfSatisfying(OutputInvalidException.class, e -> {
                assertThat(e.getMessage())
                        .isEqualTo("agent triage answered twice with JSON that does not fit Triage: reason: required");
                assertThat(e.transcript().modelCalls()).hasSize(2);
            });
        }
    }

    @Test
    void cancellingAnAsyncRunStopsItBeforeItsNextStep() throws Exception {
        CountDownLatch inTool = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FunctionTool slow = FunctionTool.builder("slow")
                .description("x")
                .handler(args -> {
                    inTool.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    return "done";
                })
                .build();
        Agent agent = Agent.builder("a").model(MODEL).tool(slow).build();
        upstream.callTools("a", "slow", "{}").answer("a", "never sent");

        ExecutorService pool = Executors.newCachedThreadPool();
        try (Runner runner = runner().executor(pool).build()) {
            var future = runner.runAsync(agent, "x");
            assertThat(inTool.await(10, TimeUnit.SECONDS)).isTrue();
            future.cancel(false);
            release.countDown();
            assertThat(future).isCancelled();
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        // The run has ended, and the model call after the tool was never made.
        assertThat(upstream.received()).hasSize(1);
    }

    @Test
    void aSkillIsListedByItsDescriptionAndItsInstructionsAndToolsArriveOnlyWhenSelected() {
        FunctionTool score = FunctionTool.builder("news_score")
                .description("NEWS2 score")
                .handler(args -> "5")
                .build();
        Skill triageSkill = Skill.builder("clinical-triage")
                .description("Triage into an ATS level")
                .instructions("Always compute the NEWS2 score first.")
                .tool(score)
                .resource("ats.md", () -> "ATS 2: within 10 minutes")
                .build();
        Agent agent = Agent.builder("nurse")
                .model(MODEL)
                .instructions("You are a triage nurse.")
                .skills(triageSkill)
                .build();
        upstream.callTools("nurse", "use_skill", "{\"name\":\"clinical-triage\"}")
                .callTools(
                        "nurse",
                        "news_score",
                        "{}",
                        "read_skill_resource",
                        "{\"skill\":\"clinical-triage\",\"path\":\"ats.md\"}")
                .answer("nurse", "ATS 2");

        try (Runner runner = runner().build()) {
            assertThat(runner.run(agent, "HR 130, RR 28").text()).isEqualTo("ATS 2");
        }
        List<ScriptedUpstream.Received> calls = upstream.received();
        ScriptedUpstream.Received first = calls.get(0);
        assertThat(first.messages().get(0).path("content").asText())
                .isEqualTo("You are a triage nurse.\n\nSkills you can load with use_skill when a task needs one:\n"
                        + "- clinical-triage: Triage into an ATS level");
        assertThat(first.body().toString()).doesNotContain("NEWS2 score first");
        assertThat(first.toolNames()).containsExactly("use_skill", "read_skill_resource");
        ScriptedUpstream.Received second = calls.get(1);
        assertThat(second.toolNames()).containsExactly("news_score", "use_skill", "read_skill_resource");
        assertThat(second.lastMessage().path("role").asText()).isEqualTo("system");
        assertThat(second.lastMessage().path("content").asText())
                .isEqualTo("Instructions of skill clinical-triage:\n\nAlways compute the NEWS2 score first.");
        ScriptedUpstream.Received third = calls.get(2);
        assertThat(third.messages().get(6).path("content").asText()).isEqualTo("5");
        assertThat(third.messages().get(7).path("content").asText()).isEqualTo("ATS 2: within 10 minutes");
    }

    @Test
    void theTimeLimitStopsTheRunBeforeItsNextStep() {
        Instant start = Instant.parse("2026-03-01T08:00:00Z");
        AtomicReference<Instant> now = new AtomicReference<>(start);
        FunctionTool slowLookup = FunctionTool.builder("slow_lookup")
                .description("x")
                .handler(args -> {
                    now.set(start.plus(Duration.ofMinutes(3))); // the registry took three minutes
                    return "found";
                })
                .build();
        Agent agent = Agent.builder("a").model(MODEL).tool(slowLookup).build();
        upstream.callTools("a", "slow_lookup", "{}").answer("a", "never sent");

        try (Runner runner = runner().clock(now::get)
                .limits(RunLimits.defaults().withTimeout(Duration.ofMinutes(2)))
                .build()) {
            assertThatThrownBy(() -> runner.run(agent, "x"))
                    .isInstanceOfSatisfying(RunLimitExceededException.class, e -> {
                        assertThat(e.limit()).isEqualTo(RunLimitExceededException.Limit.TIME);
                        assertThat(e.getMessage()).isEqualTo("time limit of PT2M reached");
                    });
        }
        assertThat(upstream.received()).hasSize(1);
    }

    @Test
    void addedMetadataIsSentWithTheRunsKeysWhichCannotBeOverridden() {
        upstream.answer("a", "ok");
        try (Runner runner = runner().putMetadata("session_id", "visit-7").build()) {
            runner.run(Agent.builder("a").model(MODEL).build(), "x");
        }
        assertThat(upstream.received().get(0).metadata("session_id")).isEqualTo("visit-7");
        assertThatThrownBy(() -> runner().putMetadata(AgentMetadata.RUN_ID, "mine"))
                .hasMessage("metadata key atrium_run_id is set by the runner itself");
        Runner.Builder full = runner();
        for (int i = 0; i < 12; i++) {
            full.putMetadata("k" + i, "v");
        }
        assertThatThrownBy(() -> full.putMetadata("k12", "v")).hasMessageContaining("at most 12 metadata keys");
    }
}
