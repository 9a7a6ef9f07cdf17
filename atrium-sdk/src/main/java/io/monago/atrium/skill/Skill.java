package io.monago.atrium.skill;

import io.monago.atrium.tool.FunctionTool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A packaged capability: a name and a description the model always sees, and instructions, tools
 * and resources it gets only once it selects the skill. Build one in Java, or load an Agent Skills
 * folder (a {@code SKILL.md} with {@code name} and {@code description} front matter) with
 * {@link Skills}.
 *
 * <pre>{@code
 * Skill triage = Skill.builder("clinical-triage")
 *         .description("Triage a patient's complaint into an urgency level")
 *         .instructions("Ask for vital signs first. Use the ATS scale ...")
 *         .tools(Tools.from(new PatientTools()))
 *         .resource("ats-scale.md", () -> Files.readString(atsPath))
 *         .build();
 * }</pre>
 *
 * <p>An agent with skills lists each one's name and description in its instructions and gives the
 * model a {@code use_skill} tool. Selecting a skill adds its instructions to the conversation, makes
 * its tools callable, and lets the model read its resources with {@code read_skill_resource}; a
 * skill never selected costs only its one line.
 */
public final class Skill {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final String name;
    private final String description;
    private final Supplier<String> instructions;
    private final List<FunctionTool> tools;
    private final Map<String, Supplier<String>> resources;

    private Skill(Builder b) {
        this.name = b.name;
        if (b.description.isBlank()) {
            throw new IllegalArgumentException("skill " + name + " needs a description: the model chooses by it");
        }
        if (b.description.length() > 1024) {
            throw new IllegalArgumentException("the description of skill " + name + " is over 1024 characters");
        }
        this.description = b.description;
        this.instructions = b.instructions;
        this.tools = List.copyOf(b.tools);
        this.resources = Map.copyOf(b.resources);
    }

    /**
     * A builder.
     *
     * @param name lower-case letters, digits and single hyphens, at most 64 (the Agent Skills rule)
     * @return the builder
     * @throws IllegalArgumentException when the name does not follow the rule
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The skill's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * What the skill is for and when to use it; always in the agent's instructions.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * The skill's instructions (a {@code SKILL.md}'s body), read when the skill is selected.
     *
     * @return the instructions
     */
    public String instructions() {
        return instructions.get();
    }

    /**
     * The tools the skill brings.
     *
     * @return the tools
     */
    public List<FunctionTool> tools() {
        return tools;
    }

    /**
     * The names of the skill's resources (for a folder, the paths of its other files).
     *
     * @return the names
     */
    public Set<String> resourceNames() {
        return resources.keySet();
    }

    /**
     * One resource, read now.
     *
     * @param resource its name
     * @return its text, or empty when the skill has no such resource
     */
    public Optional<String> resource(String resource) {
        Supplier<String> s = resources.get(resource);
        return s == null ? Optional.empty() : Optional.of(s.get());
    }

    /**
     * This skill with more tools, e.g. the Java tools a {@code SKILL.md}'s instructions mention.
     *
     * @param more the tools
     * @return a new skill
     */
    public Skill withTools(List<FunctionTool> more) {
        Builder b = builder(name).description(description).instructions(instructions);
        b.tools.addAll(tools);
        b.tools.addAll(more);
        b.resources.putAll(resources);
        return b.build();
    }

    @Override
    public String toString() {
        return "Skill{" + name + ", tools="
                + tools.stream().map(FunctionTool::name).toList() + ", resources=" + resources.keySet() + "}";
    }

    /** Builds a {@link Skill}. */
    public static final class Builder {
        private final String name;
        private String description = "";
        private Supplier<String> instructions = () -> "";
        private final List<FunctionTool> tools = new ArrayList<>();
        private final Map<String, Supplier<String>> resources = new LinkedHashMap<>();

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.length() > 64 || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("skill name '" + name
                        + "' must be lower-case letters, digits and single hyphens, at most 64 characters");
            }
            this.name = name;
        }

        /**
         * Sets the description.
         *
         * @param description what the skill is for and when to use it, at most 1024 characters
         * @return this builder
         */
        public Builder description(String description) {
            this.description =
                    Objects.requireNonNull(description, "description").strip();
            return this;
        }

        /**
         * Sets the instructions.
         *
         * @param text the instructions
         * @return this builder
         */
        public Builder instructions(String text) {
            Objects.requireNonNull(text, "text");
            this.instructions = () -> text;
            return this;
        }

        /**
         * Sets the instructions, read only when the skill is selected.
         *
         * @param text reads the instructions
         * @return this builder
         */
        public Builder instructions(Supplier<String> text) {
            this.instructions = Objects.requireNonNull(text, "text");
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
         * Adds a resource, read only when the model asks for it.
         *
         * @param resourceName its name, e.g. {@code reference/ats-scale.md}
         * @param text reads it
         * @return this builder
         */
        public Builder resource(String resourceName, Supplier<String> text) {
            resources.put(Objects.requireNonNull(resourceName, "resourceName"), Objects.requireNonNull(text, "text"));
            return this;
        }

        /**
         * Builds the skill.
         *
         * @return the skill
         * @throws IllegalArgumentException when the description is missing or too long
         */
        public Skill build() {
            return new Skill(this);
        }
    }
}
