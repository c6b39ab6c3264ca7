package dev.replayharness.docsnippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Java snippet of README.md and docs/*.md compiles, with the JDK's compiler, against the classpath a consumer
 * of every published module has (this module's test classpath). The rule for fragments: doc-snippets/README.md.
 */
@DisplayName("The documentation's Java snippets")
class DocSnippetsTest {

    static final Path ROOT = RepositoryRoot.find();
    static final Path TEMPLATES = ROOT.resolve("doc-snippets/src/test/resources/snippets");
    static final String RULE = "Every ```java block compiles: as printed (a whole compilation unit, imports included),"
            + " or, after a <!-- snippet: NAME --> line, in place of /* SNIPPET */ in " + TEMPLATES
            + "/NAME.java (see doc-snippets/README.md).";

    @TempDir
    static Path output;

    static SnippetCompiler compiler;

    @BeforeAll
    static void startCompiler() throws IOException {
        compiler = new SnippetCompiler(testClasspath(), output);
    }

    @AfterAll
    static void closeCompiler() throws IOException {
        compiler.close();
    }

    static List<Snippet> snippets() throws IOException {
        List<Path> markdown = new ArrayList<>();
        markdown.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(markdown::add);
        }
        List<Snippet> all = new ArrayList<>();
        for (Path file : markdown) {
            all.addAll(MarkdownSnippets.of(ROOT, file));
        }
        return all;
    }

    /** Surefire puts the test classpath in java.class.path (its manifest-only jar aside). */
    private static List<Path> testClasspath() {
        List<Path> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .toList();
        assertThat(entries)
                .as("the test classpath (java.class.path) holds the published modules")
                .anySatisfy(p -> assertThat(p.toString()).contains("harness-junit"));
        return entries;
    }

    @Nested
    @DisplayName("of README.md and docs/*.md")
    class OfTheDocs {

        @Test
        @DisplayName("are found: the README's and every guide's that has Java")
        void areFound() throws IOException {
            List<String> files = snippets().stream()
                    .map(s -> s.file().toString().replace('\\', '/'))
                    .distinct()
                    .toList();
            assertThat(files)
                    .contains(
                            "README.md",
                            "docs/openai-sdk.md",
                            "docs/okhttp.md",
                            "docs/anthropic-sdk.md",
                            "docs/langchain4j.md",
                            "docs/spring.md",
                            "docs/proxy.md");
            assertThat(snippets()).hasSizeGreaterThanOrEqualTo(15);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.replayharness.docsnippets.DocSnippetsTest#snippets")
        @DisplayName("each compiles")
        void eachCompiles(Snippet snippet) throws IOException {
            List<String> errors = compiler.compile(SnippetSource.of(snippet, TEMPLATES));

            assertThat(errors)
                    .as(snippet.where() + " does not compile. " + RULE)
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("follow one rule (checked here on Markdown files of its own)")
    class FollowOneRule {

        @Test
        @DisplayName("a block with no marker compiles as printed: a bare statement fails, naming its Markdown line")
        void anUnmarkedFragmentFails(@TempDir Path dir) throws IOException {
            Snippet snippet = only(dir, "Intro.\n\n```java\nint answer = 42;\n```\n");

            assertThat(compiler.compile(SnippetSource.of(snippet, dir)))
                    .first()
                    .asString()
                    .startsWith("guide.md:4: ");
        }

        @Test
        @DisplayName("a marked block replaces /* SNIPPET */ in its template, and its errors name the Markdown line")
        void aMarkedBlockGoesIntoItsTemplate(@TempDir Path dir) throws IOException {
            Files.writeString(
                    dir.resolve("statements.java"),
                    "import java.util.List;\nclass Statements {\n    void run() {\n        /* SNIPPET */\n    }\n}\n");

            Snippet good =
                    only(dir, "<!-- snippet: statements -->\n```java\nList<String> names = List.of(\"a\");\n```\n");
            Snippet bad =
                    only(dir, "<!-- snippet: statements -->\n\n```java\nint ok = 1;\nList<String> names = 7;\n```\n");

            assertThat(compiler.compile(SnippetSource.of(good, dir))).isEmpty();
            assertThat(compiler.compile(SnippetSource.of(bad, dir)))
                    .singleElement()
                    .asString()
                    .startsWith("guide.md:5: ")
                    .contains("incompatible types");
        }

        @Test
        @DisplayName("/* PREVIOUS */ in a template is the block before, for a call that follows its declaration")
        void previousIsTheBlockBefore(@TempDir Path dir) throws IOException {
            Files.writeString(
                    dir.resolve("calls.java"),
                    "class Calls {\n    /* PREVIOUS */\n    void run() {\n        /* SNIPPET */\n    }\n}\n");
            List<Snippet> snippets = MarkdownSnippets.of(
                    dir,
                    write(
                            dir,
                            "<!-- snippet: members -->\n```java\nstatic int twice(int x) { return 2 * x; }\n```\n"
                                    + "<!-- snippet: calls -->\n```java\nint four = twice(2);\n```\n"));

            assertThat(compiler.compile(SnippetSource.of(snippets.get(1), dir))).isEmpty();
        }

        @Test
        @DisplayName("a marker naming no template fails, naming the file to create")
        void aMissingTemplateIsNamed(@TempDir Path dir) throws IOException {
            Snippet snippet = only(dir, "<!-- snippet: nowhere -->\n```java\nint x = 1;\n```\n");

            assertThatThrownBy(() -> SnippetSource.of(snippet, dir))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("guide.md:3")
                    .hasMessageContaining(dir.resolve("nowhere.java").toString())
                    .hasMessageContaining("/* SNIPPET */");
        }

        @Test
        @DisplayName("a template without /* SNIPPET */ fails, saying what to add")
        void aTemplateWithoutThePlaceIsNamed(@TempDir Path dir) throws IOException {
            Files.writeString(dir.resolve("empty.java"), "class Empty {}\n");
            Snippet snippet = only(dir, "<!-- snippet: empty -->\n```java\nint x = 1;\n```\n");

            assertThatThrownBy(() -> SnippetSource.of(snippet, dir))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(dir.resolve("empty.java").toString())
                    .hasMessageContaining("has no line /* SNIPPET */");
        }

        private Snippet only(Path dir, String markdown) throws IOException {
            List<Snippet> snippets = MarkdownSnippets.of(dir, write(dir, markdown));
            assertThat(snippets).hasSize(1);
            return snippets.get(0);
        }

        private Path write(Path dir, String markdown) throws IOException {
            return Files.writeString(dir.resolve("guide.md"), markdown);
        }
    }
}
