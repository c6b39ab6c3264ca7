package dev.replayharness.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fault injected into this test's exchanges (on a test method, or on a class for each of its tests), beside
 * {@link Recorded}. Repeatable; declarations apply in order, the class's first. The value is the declaration syntax
 * of {@link dev.replayharness.core.fault.FaultSpec}: one fault kind and its options, then matchers, joined by
 * {@code ;}:
 *
 * <pre>{@code
 * @Test
 * @Fault("status=429;retry-after=2s;path=/openai/v1/chat/completions;nth=1")
 * void retriesAfterThrottling(HttpClient http) { ... }
 * }</pre>
 *
 * <p>A fault whose matchers match none of the test's exchanges fails the test, naming it; with
 * {@link Recorded#strict()} so does one that matched but never fired. Faults are for replay, and a faulted exchange never calls
 * upstream or writes a recording, in any mode: a status or transport fault answers without a recording; a fault
 * that shapes a stream replays the recording it shapes (in record mode too) and fails an exchange that has none. See "Testing failure paths" in the
 * README.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Fault.List.class)
public @interface Fault {

    /** The declaration, e.g. {@code cut-after-events=3;reset} or {@code status=503;nth=1-3}. */
    String value();

    /** The container of repeated {@link Fault}s; written by the compiler. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @interface List {
        Fault[] value();
    }
}
