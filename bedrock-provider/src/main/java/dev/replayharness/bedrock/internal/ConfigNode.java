package dev.replayharness.bedrock.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.replayharness.bedrock.StackConfigException;

import tools.jackson.databind.JsonNode;

/** A node of a parsed configuration file that knows its key path, so every error can name it. */
final class ConfigNode {

    private final JsonNode node;
    private final String path;
    private final Path file;

    ConfigNode(JsonNode node, String path, Path file) {
        this.node = node;
        this.path = path;
        this.file = file;
    }

    String path() {
        return path;
    }

    ConfigNode required(String key, String fix) {
        return optional(key).orElseThrow(() -> new StackConfigException(file, childPath(key), "is missing", fix, null));
    }

    Optional<ConfigNode> optional(String key) {
        mapping();
        JsonNode child = node.get(key);
        return child == null || child.isNull()
                ? Optional.empty()
                : Optional.of(new ConfigNode(child, childPath(key), file));
    }

    List<ConfigNode> list() {
        if (!node.isArray()) {
            throw error("must be a list (YAML items starting with '-')", "write it as a list");
        }
        List<ConfigNode> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new ConfigNode(node.get(i), path + "[" + i + "]", file));
        }
        return items;
    }

    String text() {
        if (!node.isValueNode()) {
            throw error("must be a single value, not a " + (node.isArray() ? "list" : "mapping"), "give a plain value");
        }
        return node.asString();
    }

    int integer() {
        try {
            return Integer.parseInt(text().strip());
        } catch (NumberFormatException e) {
            throw error("must be a whole number, got '" + text() + "'", "give a number such as 8321");
        }
    }

    Map<String, Object> toMap() {
        mapping();
        @SuppressWarnings("unchecked")
        Map<String, Object> map = StackConfigReader.YAML.convertValue(node, LinkedHashMap.class);
        return Collections.unmodifiableMap(map);
    }

    StackConfigException error(String problem, String fix) {
        return new StackConfigException(file, path.isEmpty() ? null : path, problem, fix, null);
    }

    private void mapping() {
        if (!node.isObject()) {
            throw error("must be a mapping of keys to values", "indent the keys under it");
        }
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
