package dev.replayharness.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import dev.replayharness.core.RecordingScope;
import dev.replayharness.core.RepeatPolicy;

/**
 * Gives each test of the annotated class (or the annotated test method) its own recordings: the HTTP
 * clients it takes as parameters replay recorded responses, or call upstream and record them,
 * according to the mode. This annotation is the whole API for most tests:
 *
 * <pre>{@code
 * @Recorded(namespace = "bedrock")
 * class ChatTest {
 *     @Test
 *     void answers(java.net.http.HttpClient http) throws Exception { ... }
 * }
 * }</pre>
 *
 * <h2>Injected parameters</h2>
 * Test methods and {@code @BeforeEach}/{@code @AfterEach} methods can declare these parameter types;
 * each is created once per test invocation (a test and its {@code @BeforeEach} methods get the same
 * instance) and closed by JUnit when the invocation ends:
 * <ul>
 * <li>{@code org.apache.hc.client5.http.impl.classic.CloseableHttpClient}</li>
 * <li>{@code org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient}, already started</li>
 * <li>{@code java.net.http.HttpClient}</li>
 * <li>{@link dev.replayharness.core.HarnessSession}: the test's session, e.g. to look at
 *     {@code uses()}</li>
 * <li>{@link HttpClientWiring}: to route clients built by the code under test through this test</li>
 * </ul>
 *
 * <h2>Faults</h2>
 * Add {@link Fault} to inject an error status, a transport failure, a cut, stalled, malformed or slow stream into
 * the test's replayed exchanges, or declare them in code with {@code session.faults()}.
 * <ul>
 * </ul>
 *
 * <h2>Test identity</h2>
 * Test-scoped recordings are keyed by the test id, so renaming a test class or method orphans its
 * recordings. The id is {@code <class>#<method><invocations>}:
 * <ul>
 * <li>{@code <class>} is the test class's binary name, e.g. {@code com.example.ChatTest}, or
 *     {@code com.example.ChatTest$WhenStreaming} for a {@code @Nested} class;</li>
 * <li>{@code <method>} is the method name alone (parameter types are left out, so overloads
 *     share an id);</li>
 * <li>{@code <invocations>} is empty for a plain test and {@code [n]} for the n-th invocation of a
 *     {@code @ParameterizedTest}, {@code @RepeatedTest} or other test template, counting from 1; one
 *     {@code [n]} per enclosing template, outermost first (e.g. for a parameterized class).</li>
 * </ul>
 * Example: {@code com.example.ChatTest#answersEach[2]}. Invocation indexes are used rather than display
 * names because a parameterized test's display name contains its arguments' {@code toString()},
 * which may change between runs (hash codes, locale formatting) and between JUnit versions; the index
 * only changes when the arguments are reordered. A {@code @TestFactory} method has one session, and
 * so one id, for all its dynamic tests.
 *
 * <h2>Precedence</h2>
 * An annotation on the test method wins over the settings of a {@link RecordReplayExtension} registered
 * with {@code @RegisterExtension}, which win over an annotation on the test class, then its enclosing
 * classes (for {@code @Nested}); an annotation on a superclass is inherited. Run-wide settings are
 * configuration parameters, see {@link HarnessConfiguration}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RecordReplayExtension.class)
public @interface Recorded {

    /**
     * The recordings folder, {@code <recordings-dir>/<namespace>}: one per provider or API, e.g.
     * {@code bedrock}. Letters, digits, {@code .}, {@code _} and {@code -}.
     */
    String namespace() default "default";

    /** A mode fixed for these tests; by default the run's configured mode. */
    ModeOverride mode() default ModeOverride.INHERIT;

    /** Whether new recordings belong to the test that made them (the default) or to any test. */
    RecordingScope scope() default RecordingScope.TEST;

    /** What replay does when a test repeats a request more often than was recorded. */
    RepeatPolicy repeatPolicy() default RepeatPolicy.SEQUENCE;

    /**
     * Adds normalizers, secrets or recorded headers to the harness; instantiated per test through its
     * no-argument constructor.
     */
    Class<? extends HarnessCustomizer> normalization() default HarnessCustomizer.None.class;

    /**
     * {@code true} to fail a test that did not replay every recording it owns (its test-scoped recordings in the
     * namespace) or whose {@link Fault}s did not all fire, listing them: the per-test form of
     * {@code ./harness unused}. For a whole run, set {@value HarnessConfiguration#STRICT}. Default {@code false}.
     */
    boolean strict() default false;
}
