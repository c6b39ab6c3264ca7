package dev.replayharness.junit.internal;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.junit.Fault;

/** Declares a test's {@link Fault}s on its session: those of its classes (outermost first), then its method's. */
final class AnnotatedFaults {
    private AnnotatedFaults() {}

    static void declare(ExtensionContext context, HarnessSession session) {
        List<AnnotatedElement> elements = new ArrayList<>();
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            c.getElement().filter(Class.class::isInstance).ifPresent(e -> elements.add(0, e));
        }
        Method method = context.getRequiredTestMethod();
        elements.add(method);
        for (AnnotatedElement element : elements) {
            for (Fault fault : AnnotationSupport.findRepeatableAnnotations(element, Fault.class)) {
                session.faults().declare(fault.value(), "@Fault on " + name(element));
            }
        }
    }

    private static String name(AnnotatedElement element) {
        return element instanceof Method m
                ? m.getDeclaringClass().getName() + "#" + m.getName()
                : ((Class<?>) element).getName();
    }
}
