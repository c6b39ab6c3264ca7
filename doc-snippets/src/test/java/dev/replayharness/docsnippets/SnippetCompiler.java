package dev.replayharness.docsnippets;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** Compiles snippets with the JDK's compiler against one classpath, each into its own output folder. */
final class SnippetCompiler implements AutoCloseable {

    private final JavaCompiler javac;
    private final StandardJavaFileManager files;
    private final Path output;

    SnippetCompiler(List<Path> classpath, Path output) throws IOException {
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("No Java compiler in this runtime (java.home "
                    + System.getProperty("java.home") + "): run the tests on a JDK, not a JRE.");
        }
        this.files = javac.getStandardFileManager(null, Locale.ROOT, null);
        this.files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
        this.output = output;
    }

    /** javac's errors, each as {@code <origin>: <message>}; empty when the source compiles. */
    List<String> compile(SnippetSource source) throws IOException {
        files.setLocationFromPaths(
                StandardLocation.CLASS_OUTPUT, List.of(Files.createTempDirectory(output, "snippet")));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject unit =
                new SimpleJavaFileObject(URI.create("string:///" + source.fileName()), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source.text();
                    }
                };
        // -proc:none: annotation processors on the classpath (the benchmarks' JMH, Spring's) are not the snippet's.
        List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none", "-Xlint:none");
        boolean compiled = javac.getTask(null, files, diagnostics, options, null, List.of(unit))
                .call();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(source.origin(d.getLineNumber()) + ": " + d.getMessage(Locale.ROOT));
            }
        }
        if (!compiled && errors.isEmpty()) {
            errors.add("javac failed without reporting an error");
        }
        return errors;
    }

    @Override
    public void close() throws IOException {
        files.close();
    }
}
