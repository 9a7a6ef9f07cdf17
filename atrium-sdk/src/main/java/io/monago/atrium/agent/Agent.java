package io.monago.atrium.agent;

import io.monago.atrium.skill.Skill;
import io.monago.atrium.tool.FunctionTool;
import io.monago.atrium.tool.JsonSchemas;
import io.monago.atrium.tool.Tools;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A model with instructions, tools and skills, able to hand the conversation to other agents and
 * to ask sub-agents for help; optionally answering with a typed value (a record whose JSON Schema
 * is sent as {@code response_format}, the answer checked against it and parsed).
 *
 * <pre>{@code
 * record Triage(@Param("ATS level, 1 to 5") int level, String reason) {}
 *
 * Agent triage = Agent.builder("triage")
 *         .model("gpt-5.4-mini")
 *         .instructions("You triage emergency-department patients.")
 *         .tools(new PatientTools())
 *         .skills(Skills.fromClasspath("skills/clinical-triage"))
 *         .outputType(Triage.class)
 *         .build();
 * Triage t = runner.run(triage, "RM-0042 chest pain since 1 hour").output(Triage.class);
 * }</pre>
 *
 * <p>An agent is immutable and may be shared by runs and threads.
 */
public final class Agent extends Flow {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,48}");

    private final String name;
    private final String description;
    private final String instructions;
    private final String model;
    private final List<FunctionTool> tools;
    private final List<Skill> skills;
    private final List<Agent> handoffs;
    private final List<Agent> subAgents;
    private final Class<?> outputType;
    private final OptionalDouble temperature;

    private Agent(Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.instructions = b.instructions;
        this.model = Objects.requireNonNull(b.model, "agent " + b.name + " needs a model");
        this.tools = List.copyOf(b.tools);
        this.skills = List.copyOf(b.skills);
        this.handoffs = List.copyOf(b.handoffs);
        this.subAgents = List.copyOf(b.subAgents);
        this.outputType = b.outputType;
        this.temperature = b.temperature;
        Set<String> names = new HashSet<>();
        for (String tool : toolNames()) {
            if (!names.add(tool)) {
                throw new IllegalArgumentException("agent " + name + " has two tools named " + tool);
            }
        }
        if (outputType != null) {
            JsonSchemas.of(outputType); // fails now, naming the type, rather than at the first run
        }
    }

    /**
     * A builder.
     *
     * @param name the agent's name: letters, digits, {@code _} and {@code -}, at most 48 (it becomes
     *     part of tool names such as {@code transfer_to_billing})
     * @return the builder
     * @throws IllegalArgumentException when the name is not valid
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * A builder holding this agent's settings, to derive another agent.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.description = description;
        b.instructions = instructions;
        b.model = model;
        b.tools.addAll(tools);
        b.skills.addAll(skills);
        b.handoffs.addAll(handoffs);
        b.subAgents.addAll(subAgents);
        b.outputType = outputType;
        b.temperature = temperature;
        return b;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * What the agent does, shown to an agent that may hand off to it or ask it for help.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * The agent's instructions, its system message.
     *
     * @return the instructions
     */
    public String instructions() {
        return instructions;
    }

    /**
     * The model the agent asks.
     *
     * @return the model id
     */
    public String model() {
        return model;
    }

    /**
     * The tools always available to the agent.
     *
     * @return the tools
     */
    public List<FunctionTool> tools() {
        return tools;
    }

    /**
     * The skills the agent may select.
     *
     * @return the skills
     */
    public List<Skill> skills() {
        return skills;
    }

    /**
     * The agents this one may hand the conversation to, each as a {@code transfer_to_<name>} tool.
     *
     * @return the agents
     */
    public List<Agent> handoffs() {
        return handoffs;
    }

    /**
     * The agents this one may ask for help, each as an {@code ask_<name>} tool whose result is the
     * sub-agent's answer (the supervisor pattern).
     *
     * @return the agents
     */
    public List<Agent> subAgents() {
        return subAgents;
    }

    /**
     * The type the agent answers with.
     *
     * @return the type, or empty for a text answer
     */
    public Optional<Class<?>> outputType() {
        return Optional.ofNullable(outputType);
    }

    /**
     * The sampling temperature sent with each call.
     *
     * @return the temperature, or empty for the model's default
     */
    public OptionalDouble temperature() {
        return temperature;
    }

    List<String> toolNames() {
        List<String> all = new ArrayList<>();
        tools.forEach(t -> all.add(t.name()));
        skills.forEach(s -> s.tools().forEach(t -> all.add(t.name())));
        if (!skills.isEmpty()) {
            all.add(AgentLoop.USE_SKILL);
            all.add(AgentLoop.READ_SKILL_RESOURCE);
        }
        handoffs.forEach(a -> all.add(AgentLoop.HANDOFF_PREFIX + a.name));
        subAgents.forEach(a -> all.add(AgentLoop.ASK_PREFIX + a.name));
        return all;
    }

    @Override
    Output execute(Run run, String input) {
        return new AgentLoop(run, this).run(input);
    }

    @Override
    public String toString() {
        return "Agent{" + name + ", model=" + model + ", tools=" + toolNames() + "}";
    }

    /** Builds an {@link Agent}. */
    public static final class Builder {
        private final String name;
        private String description = "";
        private String instructions = "";
        private String model;
        private final List<FunctionTool> tools = new ArrayList<>();
        private final List<Skill> skills = new ArrayList<>();
        private final List<Agent> handoffs = new ArrayList<>();
        private final List<Agent> subAgents = new ArrayList<>();
        private Class<?> outputType;
        private OptionalDouble temperature = OptionalDouble.empty();

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "agent name '" + name + "' must be 1 to 48 letters, digits, '_' or '-'");
            }
            this.name = name;
        }

        /**
         * Sets what the agent does, for agents that hand off to it or ask it.
         *
         * @param text the description
         * @return this builder
         */
        public Builder description(String text) {
            this.description = Objects.requireNonNull(text, "text");
            return this;
        }

        /**
         * Sets the instructions (the system message).
         *
         * @param text the instructions
         * @return this builder
         */
        public Builder instructions(String text) {
            this.instructions = Objects.requireNonNull(text, "text");
            return this;
        }

        /**
         * Sets the model.
         *
         * @param modelId the model id, e.g. {@code gpt-5.4-mini}
         * @return this builder
         */
        public Builder model(String modelId) {
            this.model = Objects.requireNonNull(modelId, "modelId");
            return this;
        }

        /**
         * Adds tools.
         *
         * @param more the tools
         * @return this builder
         */
        public Builder tools(List<FunctionTool> more) {
            tools.addAll(more);
            return this;
        }

        /**
         * Adds a tool.
         *
         * @param tool the tool
         * @return this builder
         */
        public Builder tool(FunctionTool tool) {
            tools.add(Objects.requireNonNull(tool, "tool"));
            return this;
        }

        /**
         * Adds the {@link io.monago.atrium.tool.Tool}-annotated methods of an object as tools.
         *
         * @param annotated the object
         * @return this builder
         */
        public Builder tools(Object annotated) {
            return tools(Tools.from(annotated));
        }

        /**
         * Adds skills.
         *
         * @param more the skills
         * @return this builder
         */
        public Builder skills(Skill... more) {
            skills.addAll(List.of(more));
            return this;
        }

        /**
         * Adds skills.
         *
         * @param more the skills
         * @return this builder
         */
        public Builder skills(List<Skill> more) {
            skills.addAll(more);
            return this;
        }

        /**
         * Adds agents this one may hand the conversation to.
         *
         * @param targets the agents
         * @return this builder
         */
        public Builder handoffs(Agent... targets) {
            handoffs.addAll(List.of(targets));
            return this;
        }

        /**
         * Adds agents this one may ask for help.
         *
         * @param helpers the agents
         * @return this builder
         */
        public Builder subAgents(Agent... helpers) {
            subAgents.addAll(List.of(helpers));
            return this;
        }

        /**
         * Sets the type the agent answers with.
         *
         * @param type a type {@link JsonSchemas#of} supports, usually a record
         * @return this builder
         */
        public Builder outputType(Class<?> type) {
            this.outputType = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Sets the sampling temperature.
         *
         * @param value the temperature
         * @return this builder
         */
        public Builder temperature(double value) {
            this.temperature = OptionalDouble.of(value);
            return this;
        }

        /**
         * Builds the agent.
         *
         * @return the agent
         * @throws NullPointerException when no model was set
         * @throws IllegalArgumentException when two tools share a name or the output type has no schema
         */
        public Agent build() {
            return new Agent(this);
        }
    }
}
