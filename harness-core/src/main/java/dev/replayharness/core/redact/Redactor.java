package dev.replayharness.core.redact;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;

/**
 * Removes credentials from everything the harness writes or prints: credential-looking strings by
 * pattern, and the exact values of secrets it has been told about or has seen in credential headers.
 * Thread-safe.
 */
public final class Redactor {
    /** What a credential is replaced with. */
    public static final String PLACEHOLDER = "REDACTED";

    /** Headers that carry credentials: never written, whatever the allow-list says. */
    public static final Set<String> CREDENTIAL_HEADERS = Set.of(
            "authorization",
            "proxy-authorization",
            "cookie",
            "set-cookie",
            "x-api-key",
            "api-key",
            "x-amz-security-token",
            "x-goog-api-key",
            "x-auth-token",
            "ocp-apim-subscription-key");

    /** Query parameters whose value is a credential (compared lower-case). */
    private static final Set<String> CREDENTIAL_QUERY_PARAMS = Set.of(
            "api_key",
            "api-key",
            "apikey",
            "key",
            "token",
            "access_token",
            "auth",
            "sig",
            "signature",
            "x-amz-signature",
            "x-amz-credential",
            "x-amz-security-token",
            "password",
            "secret",
            "client_secret");

    /** Exact secrets shorter than this are not redacted by value: they would mangle ordinary text. */
    private static final int MIN_SECRET_LENGTH = 8;

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    public Redactor() {}

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

    /**
     * Learns the secret in a credential header value (the token after a scheme such as {@code Bearer}). Of a
     * SigV4 value only the access key id is learned: the rest (date, scope, signature) changes on every request
     * and is no credential, and learning each value would grow the secret list, and so the cost of every
     * redaction, with every signed call of a session.
     */
    public void learnFromHeader(String value) {
        if (value == null) {
            return;
        }
        String trimmed = value.trim();
        String accessKeyId = SigV4.accessKeyId(trimmed);
        if (accessKeyId != null) {
            addSecret(accessKeyId);
            return;
        }
        addSecret(trimmed);
        int space = trimmed.indexOf(' ');
        if (space > 0) {
            addSecret(trimmed.substring(space + 1).trim());
        }
    }

    /** How many secrets this redactor knows (each is scanned for in every redaction). */
    int knownSecretCount() {
        return secrets.size();
    }

    /**
     * Learns the values of credential query parameters (as sent and percent-decoded), as credential headers'
     * are learned: an upstream that echoes one must not write it into a recording.
     */
    public void learnFromQuery(String rawQuery) {
        if (rawQuery == null) {
            return;
        }
        for (String part : rawQuery.split("&")) {
            int eq = part.indexOf('=');
            String value = eq < 0 ? "" : part.substring(eq + 1);
            // Only a token-like value (with a digit, as for Bearer): a word such as ?key=messages, learned as a
            // secret, would be redacted from every body of the session.
            if (eq > 0
                    && isCredentialQueryParameter(part.substring(0, eq))
                    && value.chars().anyMatch(Character::isDigit)) {
                addSecret(value);
                try {
                    addSecret(URLDecoder.decode(value, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // a malformed escape: the value as sent is learned
                }
            }
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
        result = CredentialPatterns.redact(result);
        return result; // the same object when nothing was found
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
        return question < 0
                ? redact(url)
                : redact(url.substring(0, question)) + "?" + redactQuery(url.substring(question + 1));
    }

    /**
     * Bytes with every known secret (as its UTF-8 bytes) and every credential pattern replaced, scanned as
     * ISO-8859-1 (one char per byte, so every other byte is kept exactly): a binary body has no text to redact.
     * {@code bytes} itself when nothing was found.
     */
    public byte[] redact(byte[] bytes) {
        String view = new String(bytes, StandardCharsets.ISO_8859_1);
        String result = view;
        for (String secret : secrets) { // a non-ASCII secret's UTF-8 bytes, as the view shows them
            String needle = new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            if (!needle.equals(secret) && result.contains(needle)) {
                result = result.replace(needle, PLACEHOLDER);
            }
        }
        result = redact(result);
        return result.equals(view) ? bytes : result.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Every header value redacted. */
    public dev.replayharness.core.http.Headers redactValues(dev.replayharness.core.http.Headers headers) {
        dev.replayharness.core.http.Headers.Builder builder = dev.replayharness.core.http.Headers.builder();
        headers.asMap().forEach((name, values) -> values.forEach(v -> builder.add(name, redact(v))));
        return builder.build();
    }

    /** Whether {@link #redact} would change the text. */
    public boolean containsSecret(String text) {
        if (text == null) {
            return false;
        }
        String redacted = redact(text);
        return redacted != text && !redacted.equals(text);
    }

    /**
     * The tree with every string value (and object key) redacted: {@code node} itself when nothing in it
     * is a credential, else a copy (sharing the subtrees that needed nothing). The input is not changed.
     */
    public JsonNode redact(JsonNode node) {
        return JsonTreeRedaction.redact(node, this);
    }
}
