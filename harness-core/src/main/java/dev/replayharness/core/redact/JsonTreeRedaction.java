package dev.replayharness.core.redact;

import dev.replayharness.core.json.Json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/** {@link Redactor}'s pass over a JSON tree: every string value and object key, copying only what changes. */
final class JsonTreeRedaction {
    private JsonTreeRedaction() {}

    /**
     * The tree with every string value (and object key) redacted: {@code node} itself when nothing in it
     * is a credential, else a copy (sharing the subtrees that needed nothing). The input is not changed.
     */
    static JsonNode redact(JsonNode node, Redactor text) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            String redacted = text.redact(node.stringValue());
            return redacted.equals(node.stringValue()) ? node : StringNode.valueOf(redacted);
        }
        if (node.isObject()) {
            ObjectNode copy = null;
            int index = 0;
            for (var member : node.properties()) {
                String name = text.redact(member.getKey());
                JsonNode value = redact(member.getValue(), text);
                if (copy == null && (!name.equals(member.getKey()) || value != member.getValue())) {
                    copy = Json.MAPPER.createObjectNode();
                    int i = 0;
                    for (var earlier : node.properties()) { // the members before this one needed nothing
                        if (i++ == index) {
                            break;
                        }
                        copy.set(earlier.getKey(), earlier.getValue());
                    }
                }
                if (copy != null) {
                    copy.set(name, value);
                }
                index++;
            }
            return copy == null ? node : copy;
        }
        if (node.isArray()) {
            ArrayNode copy = null;
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                JsonNode redacted = redact(element, text);
                if (copy == null && redacted != element) {
                    copy = Json.MAPPER.createArrayNode();
                    for (int j = 0; j < i; j++) {
                        copy.add(node.get(j));
                    }
                }
                if (copy != null) {
                    copy.add(redacted);
                }
            }
            return copy == null ? node : copy;
        }
        return node;
    }
}
