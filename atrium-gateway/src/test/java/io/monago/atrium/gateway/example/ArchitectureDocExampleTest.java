package io.monago.atrium.gateway.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The worked example in docs/architecture.md is the code in this package, word for word. */
class ArchitectureDocExampleTest {

    private static final Path HERE = Path.of("src/test/java/io/monago/atrium/gateway/example");

    @Test
    void theDocsExampleIsTheCodeThatIsBuiltAndTested() throws IOException {
        String doc = Files.readString(Path.of("../docs/architecture.md"));
        String sources = Files.readString(HERE.resolve("RequireEndUserFilter.java"))
                + Files.readString(HERE.resolve("RequireEndUserFilterTest.java"));

        List<String> blocks = javaBlocks(doc);

        assertThat(blocks).hasSize(2);
        for (String block : blocks) {
            assertThat(sources).contains(block);
        }
    }

    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
