package dev.replayharness.bedrock.recorded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's retry example is {@link RetryAfterExampleTest} from its first import on, character for character:
 * so the README's code compiles and passes as printed.
 */
@DisplayName("The README's \"Testing failure paths\" example is RetryAfterExampleTest, as printed")
class ReadmeFaultExampleTest {
    @Test
    @DisplayName("README.md holds the test's source from its first import to its end")
    void printedAsTested() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("README.md")) || !Files.isDirectory(root.resolve("bedrock-provider"))) {
            root = root.getParent();
        }
        String source = Files.readString(root.resolve(
                "bedrock-provider/src/test/java/dev/replayharness/bedrock/recorded/RetryAfterExampleTest.java"));
        String example = source.substring(source.indexOf("import static"));
        assertThat(Files.readString(root.resolve("README.md"))).contains("```java\n" + example + "```\n");
    }
}
