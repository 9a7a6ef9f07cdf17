package io.monago.atrium.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkillsTest {

    @TempDir
    Path dir;

    private Path skill(String folder, String skillMd) throws IOException {
        Path d = Files.createDirectories(dir.resolve(folder));
        Files.writeString(d.resolve("SKILL.md"), skillMd);
        return d;
    }

    @Test
    void aFolderIsReadFrontMatterForTheCatalogueBodyAndResourcesWhenAsked() throws IOException {
        Path d = skill("clinical-triage", """
                ---
                name: clinical-triage
                description: "Triage a complaint into an ATS urgency level."
                license: Apache-2.0
                metadata:
                  author: rsud
                ---
                # Triage

                Ask for vital signs first.
                """);
        Files.createDirectories(d.resolve("reference"));
        Files.writeString(d.resolve("reference/ats.md"), "ATS 1: immediate");

        Skill s = Skills.fromDirectory(d);

        assertThat(s.name()).isEqualTo("clinical-triage");
        assertThat(s.description()).isEqualTo("Triage a complaint into an ATS urgency level.");
        assertThat(s.resourceNames()).containsExactly("reference/ats.md");
        // Read lazily: a change on disk before selection is what the model gets.
        Files.writeString(
                d.resolve("SKILL.md"), Files.readString(d.resolve("SKILL.md")).replace("first", "before anything"));
        assertThat(s.instructions()).isEqualTo("# Triage\n\nAsk for vital signs before anything.");
        assertThat(s.resource("reference/ats.md")).contains("ATS 1: immediate");
        assertThat(s.resource("missing.md")).isEmpty();
    }

    @Test
    void allInLoadsEverySkillFolderInNameOrder() throws IOException {
        skill("b-skill", "---\nname: b-skill\ndescription: B\n---\nb");
        skill("a-skill", "---\nname: a-skill\ndescription: A\n---\na");
        Files.createDirectories(dir.resolve("not-a-skill"));

        assertThat(Skills.allIn(dir)).extracting(Skill::name).containsExactly("a-skill", "b-skill");
    }

    @Test
    void aSkillOnTheClasspathIsLoaded() {
        Skill s = Skills.fromClasspath("skills/discharge-summary");

        assertThat(s.name()).isEqualTo("discharge-summary");
        assertThat(s.instructions()).startsWith("Write the discharge summary");
        assertThat(s.resourceNames()).containsExactly("template.md");
    }

    @Test
    void invalidFoldersAreClearErrorsNamingTheFile() throws IOException {
        Path noMatter = skill("x", "just text");
        Path noDescription = skill("y", "---\nname: y\n---\nbody");
        Path wrongName = skill("z", "---\nname: other\ndescription: d\n---\nbody");
        Path badName = skill("Bad_Name", "---\nname: Bad_Name\ndescription: d\n---\nbody");

        assertThatThrownBy(() -> Skills.fromDirectory(noMatter)).hasMessageContaining("SKILL.md must start with");
        assertThatThrownBy(() -> Skills.fromDirectory(noDescription)).hasMessageContaining("no 'description'");
        assertThatThrownBy(() -> Skills.fromDirectory(wrongName)).hasMessageContaining("is not the folder's name");
        assertThatThrownBy(() -> Skills.fromDirectory(badName)).hasMessageContaining("lower-case letters");
        assertThatThrownBy(() -> Skills.fromClasspath("skills/none"))
                .hasMessageContaining("no SKILL.md on the classpath");
        assertThat(List.of(noMatter, noDescription))
                .allSatisfy(p -> assertThat(p).exists());
    }
}
