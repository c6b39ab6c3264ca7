package dev.replayharness.bedrock.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.replayharness.bedrock.StackConfigException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces {@code ${env.NAME}} and {@code ${env.NAME:=default}} in every string value of a parsed
 * file, in place. A variable set to the empty string counts as unset, as in Llama Stack; a value
 * that resolves to nothing becomes null, i.e. absent.
 */
final class EnvSubstitution {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern ENV = Pattern.compile("env\\.([A-Za-z_][A-Za-z0-9_]*)(?::=(.*))?", Pattern.DOTALL);

    private final Function<String, String> environment;
    private final Path file;

    EnvSubstitution(Function<String, String> environment, Path file) {
        this.environment = environment;
        this.file = file;
    }

    void resolveAll(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.properties());
            for (Map.Entry<String, JsonNode> entry : entries) {
                String childPath = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                JsonNode value = entry.getValue();
                if (value.isString()) {
                    object.set(entry.getKey(), resolved(value.asString(), childPath));
                } else {
                    resolveAll(value, childPath);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String childPath = path + "[" + i + "]";
                if (array.get(i).isString()) {
                    array.set(i, resolved(array.get(i).asString(), childPath));
                } else {
                    resolveAll(array.get(i), childPath);
                }
            }
        }
    }

    private JsonNode resolved(String value, String path) {
        Matcher placeholder = PLACEHOLDER.matcher(value);
        if (!placeholder.find()) {
            return JsonNodeFactory.instance.stringNode(value);
        }
        StringBuilder result = new StringBuilder();
        placeholder.reset();
        while (placeholder.find()) {
            placeholder.appendReplacement(result, Matcher.quoteReplacement(substitute(placeholder.group(1), path)));
        }
        placeholder.appendTail(result);
        return result.length() == 0
                ? JsonNodeFactory.instance.nullNode()
                : JsonNodeFactory.instance.stringNode(result.toString());
    }

    private String substitute(String expression, String path) {
        Matcher env = ENV.matcher(expression);
        if (!env.matches()) {
            throw new StackConfigException(
                    file,
                    path,
                    "unsupported placeholder ${" + expression + "}",
                    "write ${env.NAME} or ${env.NAME:=default}",
                    null);
        }
        String name = env.group(1);
        String value = environment.apply(name);
        if (value != null && !value.isEmpty()) {
            return value;
        }
        if (env.group(2) != null) {
            return env.group(2);
        }
        throw new StackConfigException(
                file,
                path,
                "environment variable " + name + " is " + (value == null ? "not set" : "empty") + " and ${env." + name
                        + "} has no default",
                "export " + name + "=…, or give a default: ${env." + name + ":=value}",
                null);
    }
}
