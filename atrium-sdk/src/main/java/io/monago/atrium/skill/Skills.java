package io.monago.atrium.skill;

import io.monago.atrium.internal.FrontMatter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Loads skills in the Agent Skills folder format: a folder holding a {@code SKILL.md} whose front
 * matter names the skill and says what it is for, whose body is the instructions, and whose other
 * files are resources the model may read.
 *
 * <pre>
 * skills/clinical-triage/
 *   SKILL.md                 ---
 *                            name: clinical-triage
 *                            description: Triage a complaint into an ATS urgency level.
 *                            ---
 *                            Ask for vital signs first. ...
 *   reference/ats-scale.md   (a resource)
 * </pre>
 *
 * <pre>{@code
 * Skill triage = Skills.fromClasspath("skills/clinical-triage").withTools(Tools.from(new PatientTools()));
 * List<Skill> all = Skills.allIn(Path.of("/etc/atrium/skills"));
 * }</pre>
 *
 * <p>Only {@code name} and {@code description} are read from the front matter; other keys
 * ({@code license}, {@code allowed-tools}, {@code metadata}) are accepted and ignored. A folder on
 * disk is read lazily (the body when the skill is selected, a resource when it is asked for); a
 * folder inside a jar is read whole when it loads.
 */
public final class Skills {

    /** The file that makes a folder a skill. */
    public static final String SKILL_FILE = "SKILL.md";

    private Skills() {}

    /**
     * Loads the skill in a folder on disk.
     *
     * @param folder the folder holding {@code SKILL.md}
     * @return the skill
     * @throws IllegalArgumentException when {@code SKILL.md} is missing, has no front matter, or lacks
     *     a valid name or description (the message names the file)
     * @throws UncheckedIOException when the folder cannot be read
     */
    public static Skill fromDirectory(Path folder) {
        Objects.requireNonNull(folder, "folder");
        return load(folder, true);
    }

    /**
     * Loads every skill in the sub-folders of a folder (each sub-folder with a {@code SKILL.md}),
     * in name order.
     *
     * @param parent the folder of skill folders
     * @return the skills
     * @throws UncheckedIOException when the folder cannot be read
     */
    public static List<Skill> allIn(Path parent) {
        try (Stream<Path> children = Files.list(parent)) {
            List<Skill> skills = new ArrayList<>();
            for (Path child : children.sorted().toList()) {
                if (Files.isRegularFile(child.resolve(SKILL_FILE))) {
                    skills.add(fromDirectory(child));
                }
            }
            return List.copyOf(skills);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list skills in " + parent, e);
        }
    }

    /**
     * Loads the skill in a classpath folder, from a directory or a jar.
     *
     * @param folder the folder's resource path, e.g. {@code skills/clinical-triage}
     * @return the skill
     * @throws IllegalArgumentException when there is no {@code SKILL.md} there or it is not valid
     */
    public static Skill fromClasspath(String folder) {
        Objects.requireNonNull(folder, "folder");
        String clean = folder.replaceAll("^/+|/+$", "");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL url = (loader == null ? Skills.class.getClassLoader() : loader).getResource(clean + "/" + SKILL_FILE);
        if (url == null) {
            throw new IllegalArgumentException("no " + SKILL_FILE + " on the classpath at " + clean);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return load(jar.provider().getPath(uri).getParent(), false);
                }
            }
            return load(Path.of(uri).getParent(), true);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalArgumentException(
                    "cannot read the skill at classpath " + clean + ": " + e.getMessage(), e);
        }
    }

    private static Skill load(Path folder, boolean lazy) {
        Path file = folder.resolve(SKILL_FILE);
        String source = file.toString();
        FrontMatter matter = FrontMatter.parse(read(file), source);
        String name = matter.fields().get("name");
        String description = matter.fields().get("description");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(source + ": the front matter has no 'name'");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException(source + ": the front matter has no 'description'");
        }
        String folderName =
                folder.getFileName() == null ? name : folder.getFileName().toString();
        if (!folderName.equals(name)) {
            throw new IllegalArgumentException(
                    source + ": the name '" + name + "' is not the folder's name '" + folderName + "'");
        }
        Skill.Builder b;
        try {
            b = Skill.builder(name).description(description);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        b.instructions(lazy ? () -> FrontMatter.parse(read(file), source).body() : constant(matter.body()));
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(p).toString().replace('\\', '/');
                if (!relative.equals(SKILL_FILE)) {
                    b.resource(relative, lazy ? () -> read(p) : constant(read(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of skill " + name, e);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static Supplier<String> constant(String text) {
        return () -> text;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
