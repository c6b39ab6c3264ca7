package dev.replayharness.core.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Removes credentials from everything the harness writes or prints: credential-looking strings by
 * pattern, and the exact values of secrets it has been told about or has seen in credential headers.
 * Thread-safe.
 */
public final class Redactor {
    /** What a credential is replaced with. */
    public static final String PLACEHOLDER = "REDACTED";

    /** Headers that carry credentials: never written, whatever the allow-list says. */
    public static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key", "api-key", "x-amz-security-token", "x-goog-api-key", "x-auth-token",
            "ocp-apim-subscription-key");

    /** Query parameters whose value is a credential (compared lower-case). */
    private static final Set<String> CREDENTIAL_QUERY_PARAMS = Set.of("api_key", "api-key", "apikey", "key", "token",
            "access_token", "auth", "sig", "signature", "x-amz-signature", "x-amz-credential", "x-amz-security-token",
            "password", "secret", "client_secret");

    /**
     * A credential after an auth scheme. In free text ("a basic overview") the words are ordinary, so
     * only a token-shaped value counts: at least 20 characters of token alphabet, with a digit in it.
     */
    private static final Pattern BEARER = Pattern.compile(
            "(?i)\\b(bearer|basic)\\s+(?=[A-Za-z0-9._~+/-]*[0-9])[A-Za-z0-9._~+/-]{20,}=*");
    private static final List<Pattern> TOKENS = List.of(
            Pattern.compile("bedrock-api-key-[A-Za-z0-9+/=_%-]+"),
            Pattern.compile("ABSK[A-Za-z0-9+/=]{20,}"),
            Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
            Pattern.compile("\\bsk-[A-Za-z0-9_-]{20,}"));

    /** Exact secrets shorter than this are not redacted by value: they would mangle ordinary text. */
    private static final int MIN_SECRET_LENGTH = 8;

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    public Redactor() {
    }

    public Redactor(Iterable<String> knownSecrets) {
        knownSecrets.forEach(this::addSecret);
    }

    /** Remembers a secret value so that any later occurrence is redacted. */
    public void addSecret(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH || secrets.contains(secret)) {
            return;
        }
        secrets.add(secret);
        secrets.sort(Comparator.comparingInt(String::length).reversed()); // longest first: a secret may contain another
    }

    /** Learns the secret in a credential header value (the token after a scheme such as {@code Bearer}). */
    public void learnFromHeader(String value) {
        if (value == null) {
            return;
        }
        addSecret(value.trim());
        int space = value.trim().indexOf(' ');
        if (space > 0) {
            addSecret(value.trim().substring(space + 1).trim());
        }
    }

    public static boolean isCredentialHeader(String name) {
        return CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    public static boolean isCredentialQueryParameter(String name) {
        return CREDENTIAL_QUERY_PARAMS.contains(name.toLowerCase(Locale.ROOT));
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, PLACEHOLDER);
            }
        }
        Matcher bearer = BEARER.matcher(result);
        if (bearer.find()) {
            result = bearer.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + PLACEHOLDER));
        }
        for (Pattern pattern : TOKENS) {
            Matcher m = pattern.matcher(result);
            if (m.find()) {
                result = m.replaceAll(PLACEHOLDER);
            }
        }
        return result;
    }

    /** A raw query string with credential parameters' values replaced and credential-looking values redacted. */
    public String redactQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return rawQuery;
        }
        StringBuilder out = new StringBuilder();
        for (String part : rawQuery.split("&", -1)) {
            if (out.length() > 0) {
                out.append('&');
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            if (eq >= 0 && isCredentialQueryParameter(name)) {
                out.append(name).append('=').append(PLACEHOLDER);
            } else {
                out.append(redact(part));
            }
        }
        return out.toString();
    }

    /** A URL with its query redacted as by {@link #redactQuery} and the rest as by {@link #redact(String)}. */
    public String redactUrl(String url) {
        int question = url.indexOf('?');
        return question < 0 ? redact(url) : redact(url.substring(0, question)) + "?" + redactQuery(url.substring(question + 1));
    }

    /** Whether {@link #redact} would change the text. */
    public boolean containsSecret(String text) {
        return text != null && !text.equals(redact(text));
    }

    /** A copy of the tree with every string value (and object key) redacted; the input is not changed. */
    public JsonNode redact(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            String redacted = redact(node.stringValue());
            return redacted.equals(node.stringValue()) ? node : StringNode.valueOf(redacted);
        }
        if (node.isObject()) {
            ObjectNode copy = Json.MAPPER.createObjectNode();
            node.properties().forEach(e -> copy.set(redact(e.getKey()), redact(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            node.forEach(element -> copy.add(redact(element)));
            return copy;
        }
        return node;
    }
}
