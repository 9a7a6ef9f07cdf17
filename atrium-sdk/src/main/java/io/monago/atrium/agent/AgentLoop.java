package io.monago.atrium.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionMessage;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.chat.ChatMessage;
import io.monago.atrium.chat.JsonSchema;
import io.monago.atrium.chat.ResponseFormat;
import io.monago.atrium.chat.ToolCall;
import io.monago.atrium.internal.Json;
import io.monago.atrium.internal.SchemaValidator;
import io.monago.atrium.internal.TypeBinder;
import io.monago.atrium.skill.Skill;
import io.monago.atrium.tool.FunctionTool;
import io.monago.atrium.tool.JsonSchemas;
import io.monago.atrium.tool.ToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One agent's conversation within a run: send, run the tools the model asked for (in parallel when
 * it asked for several), send the results back, until the model answers. Handoffs switch the agent
 * and keep the conversation; skills add their instructions when selected; sub-agents answer as
 * tools.
 */
final class AgentLoop {

    static final String USE_SKILL = "use_skill";
    static final String READ_SKILL_RESOURCE = "read_skill_resource";
    static final String HANDOFF_PREFIX = "transfer_to_";
    static final String ASK_PREFIX = "ask_";

    private final Run run;
    private Agent agent;
    private final List<ChatMessage> messages = new ArrayList<>();
    private final Set<String> selectedSkills = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> pendingInstructions = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Agent> handoffTarget = new AtomicReference<>();

    AgentLoop(Run run, Agent agent) {
        this.run = run;
        this.agent = agent;
    }

    Flow.Output run(String input) {
        messages.add(ChatMessage.system(systemPrompt(agent)));
        messages.add(ChatMessage.user(input));
        List<String> toolsCarried = List.of();
        boolean outputRetried = false;
        while (true) {
            Map<String, FunctionTool> tools = tools();
            ChatCompletionRequest.Builder request =
                    ChatCompletionRequest.builder().model(agent.model()).messages(messages);
            tools.values().forEach(t -> request.addTool(t.definition()));
            agent.temperature().ifPresent(request::temperature);
            agent.outputType()
                    .ifPresent(type -> request.responseFormat(
                            ResponseFormat.jsonSchema(JsonSchema.of(schemaName(type), JsonSchemas.of(type)))));
            Run.Call call = run.call(agent.name(), request, toolsCarried);
            ChatCompletion completion = call.completion();
            if (completion.choices().isEmpty()) {
                throw new AgentRunException(
                        "the model's answer to agent " + agent.name() + " has no choices", run.transcript());
            }
            ChatCompletionMessage message = completion.choices().get(0).message();
            if (message.toolCalls().isEmpty()) {
                String text = message.content().orElse("");
                if (agent.outputType().isEmpty()) {
                    return Flow.Output.text(text);
                }
                List<String> problems = new ArrayList<>();
                Optional<Object> value = parse(agent.outputType().get(), text, problems);
                if (value.isPresent()) {
                    return new Flow.Output(text, value);
                }
                if (outputRetried) {
                    throw new OutputInvalidException(
                            "agent " + agent.name() + " answered twice with JSON that does not fit "
                                    + agent.outputType().get().getSimpleName() + ": " + String.join("; ", problems),
                            run.transcript());
                }
                outputRetried = true;
                messages.add(message.toAssistantMessage());
                messages.add(ChatMessage.user("Your answer does not fit the required JSON schema: "
                        + String.join("; ", problems) + ". Answer again with only a JSON object that fits it."));
                toolsCarried = List.of();
                continue;
            }
            messages.add(message.toAssistantMessage());
            List<ToolResult> results = runTools(call.step(), message.toolCalls(), tools);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                ToolCall toolCall = message.toolCalls().get(i);
                messages.add(ChatMessage.tool(toolCall.id(), results.get(i).content()));
                names.add(toolCall.function().name());
            }
            for (String text; (text = pendingInstructions.poll()) != null; ) {
                messages.add(ChatMessage.system(text));
            }
            Agent target = handoffTarget.getAndSet(null);
            if (target != null) {
                agent = target;
                selectedSkills.clear();
                messages.set(0, ChatMessage.system(systemPrompt(agent)));
            }
            toolsCarried = List.copyOf(names);
        }
    }

    private List<ToolResult> runTools(int step, List<ToolCall> calls, Map<String, FunctionTool> tools) {
        String caller = agent.name();
        List<ToolResult> results =
                calls.size() == 1 ? List.of(runTool(caller, calls.get(0), tools)) : runInParallel(caller, calls, tools);
        // Recorded in the order the model asked, whatever order they ended in.
        for (int i = 0; i < calls.size(); i++) {
            String name = calls.get(i).function().name();
            RunStep.Kind kind = name.startsWith(HANDOFF_PREFIX) && tools.containsKey(name)
                    ? RunStep.Kind.HANDOFF
                    : RunStep.Kind.TOOL_CALL;
            run.recordTool(step, caller, name, kind, results.get(i).status());
        }
        return results;
    }

    private List<ToolResult> runInParallel(String caller, List<ToolCall> calls, Map<String, FunctionTool> tools) {
        List<CompletableFuture<ToolResult>> futures = new ArrayList<>();
        for (ToolCall call : calls) {
            futures.add(CompletableFuture.supplyAsync(() -> runTool(caller, call, tools), run.executor));
        }
        List<ToolResult> results = new ArrayList<>();
        for (CompletableFuture<ToolResult> f : futures) {
            try {
                results.add(f.join());
            } catch (CompletionException e) {
                // A limit, a cancellation or a blocked sub-agent call: the run's own failure, rethrown as is.
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
        return results;
    }

    private ToolResult runTool(String caller, ToolCall call, Map<String, FunctionTool> tools) {
        run.checkOpen();
        String name = call.function().name();
        FunctionTool tool = tools.get(name);
        ToolResult result;
        if (tool == null) {
            result = new ToolResult(
                    "Error: there is no tool named " + name + "; use one of " + tools.keySet() + ".",
                    ToolResult.Status.UNKNOWN_TOOL);
        } else if (name.startsWith(ASK_PREFIX) && helper(name).isPresent()) {
            result = askHelper(helper(name).get(), tool, call.function().arguments());
        } else {
            result = invoke(caller, tool, call.function().arguments());
        }
        return result;
    }

    private Optional<Agent> helper(String toolName) {
        return agent.subAgents().stream()
                .filter(a -> (ASK_PREFIX + a.name()).equals(toolName))
                .findFirst();
    }

    private ToolResult askHelper(Agent helper, FunctionTool tool, String argumentsText) {
        Optional<JsonNode> arguments = Json.parse(argumentsText == null ? "" : argumentsText);
        List<String> problems = arguments.map(tool::validate).orElse(List.of("the arguments are not JSON"));
        if (!problems.isEmpty()) {
            return new ToolResult(
                    "Error: invalid arguments for " + tool.name() + ": " + String.join("; ", problems),
                    ToolResult.Status.INVALID_ARGUMENTS);
        }
        // The sub-agent's own failures (a limit, a blocked call) are the run's: they propagate.
        return new ToolResult(
                helper.execute(run, arguments.get().path("task").asText()).text(), ToolResult.Status.OK);
    }

    private ToolResult invoke(String caller, FunctionTool tool, String argumentsText) {
        if (!tool.requiresApproval()) {
            return tool.invoke(argumentsText);
        }
        Optional<JsonNode> arguments = argumentsText == null || argumentsText.isBlank()
                ? Optional.of(Json.object())
                : Json.parse(argumentsText);
        if (arguments.isEmpty() || !tool.validate(arguments.get()).isEmpty()) {
            return tool.invoke(argumentsText); // reports the problem; nothing runs, so nothing to approve
        }
        ApprovalDecision decision = run.approvals == null
                ? ApprovalDecision.deny("no approval handler is configured")
                : run.approvals.decide(new ApprovalRequest(
                        run.runId,
                        caller,
                        tool.name(),
                        run.redactor.redact(arguments.get().deepCopy())));
        if (!decision.approved()) {
            return new ToolResult(
                    "Denied: " + tool.name() + " was not approved"
                            + decision.reason().map(r -> ": " + r).orElse("")
                            + ". Do not call it again for this request.",
                    ToolResult.Status.DENIED);
        }
        return tool.invoke(arguments.get());
    }

    private Map<String, FunctionTool> tools() {
        Map<String, FunctionTool> tools = new LinkedHashMap<>();
        agent.tools().forEach(t -> tools.put(t.name(), t));
        for (Skill skill : agent.skills()) {
            if (selectedSkills.contains(skill.name())) {
                skill.tools().forEach(t -> tools.put(t.name(), t));
            }
        }
        if (!agent.skills().isEmpty()) {
            tools.put(USE_SKILL, useSkill());
            tools.put(READ_SKILL_RESOURCE, readSkillResource());
        }
        for (Agent target : agent.handoffs()) {
            tools.put(HANDOFF_PREFIX + target.name(), handoff(target));
        }
        for (Agent helper : agent.subAgents()) {
            tools.put(ASK_PREFIX + helper.name(), ask(helper));
        }
        return tools;
    }

    private FunctionTool useSkill() {
        List<String> names = agent.skills().stream().map(Skill::name).toList();
        return FunctionTool.builder(USE_SKILL)
                .description("Loads a skill: its instructions, its tools and the list of its resources.")
                .parameters(Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of("name", Map.of("type", "string", "enum", names)),
                        "required",
                        List.of("name"),
                        "additionalProperties",
                        false))
                .handler(args -> {
                    Skill skill = skill(args.path("name").asText());
                    if (selectedSkills.add(skill.name())) {
                        pendingInstructions.add(
                                "Instructions of skill " + skill.name() + ":\n\n" + skill.instructions());
                    }
                    return "Skill " + skill.name() + " loaded. Tools: "
                            + skill.tools().stream().map(FunctionTool::name).toList() + ". Resources: "
                            + skill.resourceNames() + ".";
                })
                .build();
    }

    private FunctionTool readSkillResource() {
        return FunctionTool.builder(READ_SKILL_RESOURCE)
                .description("Reads one resource file of a loaded skill.")
                .parameters(Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of("skill", Map.of("type", "string"), "path", Map.of("type", "string")),
                        "required",
                        List.of("skill", "path"),
                        "additionalProperties",
                        false))
                .handler(args -> {
                    Skill skill = skill(args.path("skill").asText());
                    if (!selectedSkills.contains(skill.name())) {
                        throw new IllegalArgumentException("load skill " + skill.name() + " with use_skill first");
                    }
                    return skill.resource(args.path("path").asText())
                            .orElseThrow(() -> new IllegalArgumentException("skill " + skill.name()
                                    + " has no resource by that path; it has " + skill.resourceNames()));
                })
                .build();
    }

    private Skill skill(String name) {
        return agent.skills().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("there is no skill named " + name));
    }

    private FunctionTool handoff(Agent target) {
        return FunctionTool.builder(HANDOFF_PREFIX + target.name())
                .description("Hands the conversation to agent " + target.name()
                        + (target.description().isBlank() ? "" : ": " + target.description()))
                .handler(args -> {
                    if (!handoffTarget.compareAndSet(null, target)) {
                        throw new IllegalStateException("the conversation is already being handed off");
                    }
                    return "Transferred to " + target.name() + ".";
                })
                .build();
    }

    private FunctionTool ask(Agent helper) {
        return FunctionTool.builder(ASK_PREFIX + helper.name())
                .description("Asks agent " + helper.name() + " to do a task and returns its answer"
                        + (helper.description().isBlank() ? "." : ": " + helper.description()))
                .parameters(Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of("task", Map.of("type", "string", "description", "what to do, in full")),
                        "required",
                        List.of("task"),
                        "additionalProperties",
                        false))
                // Never invoked: runTool runs sub-agents itself so that their failures stop the run.
                .handler(args -> {
                    throw new IllegalStateException("sub-agent tools are run by the loop");
                })
                .build();
    }

    private static String systemPrompt(Agent agent) {
        StringBuilder prompt = new StringBuilder(agent.instructions());
        if (!agent.skills().isEmpty()) {
            prompt.append(prompt.length() == 0 ? "" : "\n\n")
                    .append("Skills you can load with use_skill when a task needs one:");
            for (Skill s : agent.skills()) {
                prompt.append("\n- ").append(s.name()).append(": ").append(s.description());
            }
        }
        return prompt.toString();
    }

    private static String schemaName(Class<?> type) {
        String name = type.getSimpleName().replaceAll("[^A-Za-z0-9_-]", "_");
        return name.isEmpty() ? "output" : name;
    }

    private static Optional<Object> parse(Class<?> type, String text, List<String> problems) {
        Optional<JsonNode> json = Json.parse(text.strip());
        if (json.isEmpty()) {
            problems.add("the answer is not JSON");
            return Optional.empty();
        }
        problems.addAll(SchemaValidator.problems(JsonSchemas.of(type), json.get()));
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(TypeBinder.bind(type, json.get()));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }
}
