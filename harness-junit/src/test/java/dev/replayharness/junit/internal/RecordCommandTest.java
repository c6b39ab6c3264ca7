package dev.replayharness.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The record command of a replay miss")
class RecordCommandTest {
    @TempDir
    Path tree;

    @Test
    @DisplayName("names the module relative to the reactor root, the class and the method")
    void module() throws Exception {
        Files.writeString(tree.resolve("pom.xml"), "<project/>");
        Path module = Files.createDirectories(tree.resolve("providers/bedrock"));
        Files.writeString(module.resolve("pom.xml"), "<project/>");
        Files.writeString(tree.resolve("providers/pom.xml"), "<project/>");

        assertThat(new RecordCommand(WorkingTree.mavenModule(module)).forTest(RecordCommandTest.class, "module"))
                .isEqualTo(
                        "mvn -pl providers/bedrock test -Dtest='RecordCommandTest#module' -Dharness.mode=record-if-missing");
    }

    @Test
    @DisplayName("omits -pl outside a Maven module or at the reactor root")
    void noModule() throws Exception {
        assertThat(WorkingTree.mavenModule(tree)).isEmpty();
        Files.writeString(tree.resolve("pom.xml"), "<project/>");
        assertThat(WorkingTree.mavenModule(tree)).isEmpty();
        assertThat(new RecordCommand(Optional.empty()).forTest(RecordCommandTest.class, "noModule"))
                .isEqualTo("mvn test -Dtest='RecordCommandTest#noModule' -Dharness.mode=record-if-missing");
    }

    @Test
    @DisplayName("names the outermost class of a @Nested class, and a static nested class by its binary name")
    void nestedClasses() {
        assertThat(RecordCommand.surefireClassName(Inner.class)).isEqualTo("RecordCommandTest");
        assertThat(RecordCommand.surefireClassName(StaticNested.class)).isEqualTo("RecordCommandTest$StaticNested");
    }

    @Nested
    class Inner {}

    static class StaticNested {}
}
