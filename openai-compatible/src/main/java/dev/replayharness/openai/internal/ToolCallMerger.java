package dev.replayharness.openai.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.replayharness.openai.FunctionCall;
import dev.replayharness.openai.ToolCall;
import dev.replayharness.openai.ToolCallDelta;

import tools.jackson.databind.JsonNode;

/**
 * Puts streamed tool-call fragments back together, by {@code index}: the first fragment of an
 * index opens a call (its {@code id}, {@code type} and function name); later fragments append their
 * {@code function.arguments}. An id, type or name sent again is not appended (Bedrock repeats
 * {@code type} on every fragment). A fragment whose id differs from the open call's at the same
 * index opens a new call (servers that number every call 0). A fragment without an index
 * continues the last call, or opens one when it carries a new id. Calls come out ordered by index.
 */
public final class ToolCallMerger {

    private final List<Call> calls = new ArrayList<>();
    private final Map<Integer, Call> openByIndex = new HashMap<>();

    /** Adds one fragment. */
    public void add(ToolCallDelta fragment) {
        Call call = callFor(fragment);
        call.merge(fragment);
    }

    /** The calls merged so far, ordered by index (then by arrival); empty when there were none. */
    public List<ToolCall> result() {
        return calls.stream()
                .sorted(Comparator.comparingInt(call -> call.index))
                .map(Call::toToolCall)
                .toList();
    }

    private Call callFor(ToolCallDelta fragment) {
        Integer index = fragment.index();
        String id = idOf(fragment);
        if (index == null) {
            Call last = calls.isEmpty() ? null : calls.get(calls.size() - 1);
            boolean newId = id != null && calls.stream().noneMatch(c -> id.equals(c.id));
            return last == null || newId ? open(last == null ? 0 : last.index + 1) : last;
        }
        Call open = openByIndex.get(index);
        if (open == null || (id != null && open.id != null && !open.id.equals(id))) {
            return open(index);
        }
        return open;
    }

    /** The fragment's id; an empty one (some servers send {@code ""} on later fragments) is none. */
    private static String idOf(ToolCallDelta fragment) {
        return fragment.id() == null || fragment.id().isEmpty() ? null : fragment.id();
    }

    private Call open(int index) {
        Call call = new Call(index);
        calls.add(call);
        openByIndex.put(index, call);
        return call;
    }

    private static final class Call {
        final int index;
        String id;
        String type;
        String name;
        StringBuilder arguments;
        final Map<String, JsonNode> extra = new LinkedHashMap<>();
        final Map<String, JsonNode> functionExtra = new LinkedHashMap<>();

        Call(int index) {
            this.index = index;
        }

        void merge(ToolCallDelta fragment) {
            id = id != null ? id : idOf(fragment);
            type = type != null ? type : fragment.type();
            fragment.extra().forEach(extra::putIfAbsent);
            FunctionCall function = fragment.function();
            if (function != null) {
                name = name != null ? name : function.name();
                if (function.arguments() != null) {
                    arguments = Objects.requireNonNullElseGet(arguments, StringBuilder::new)
                            .append(function.arguments());
                }
                function.extra().forEach(functionExtra::putIfAbsent);
            }
        }

        ToolCall toToolCall() {
            FunctionCall function =
                    new FunctionCall(name, arguments == null ? null : arguments.toString(), functionExtra);
            return new ToolCall(id, type, function, extra);
        }
    }
}
