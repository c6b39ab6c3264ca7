package dev.replayharness.bedrock;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/** Builds short-term keys shaped like the ones the Bedrock console hands out. */
final class ShortTermKeys {

    static final Instant ISSUED = Instant.parse("2025-01-01T00:00:00Z");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ShortTermKeys() {}

    /** The presigned URL a key encodes, without scheme, with {@code secret} as its signature. */
    static String presignedUrl(Instant issued, long expiresSeconds, String secret) {
        return "bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAEXAMPLE%2F20250101%2Fus-west-2%2Fbedrock%2Faws4_request"
                + "&X-Amz-Date=" + AMZ_DATE.format(issued) + "&X-Amz-Expires=" + expiresSeconds
                + "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + secret + "&Version=1";
    }

    /** A key as the AWS token generators make it: standard base64 with padding. */
    static String key(Instant issued, long expiresSeconds, String secret) {
        return BedrockApiKey.SHORT_TERM_PREFIX
                + Base64.getEncoder()
                        .encodeToString(
                                presignedUrl(issued, expiresSeconds, secret).getBytes(StandardCharsets.UTF_8));
    }

    /** A 12-hour key issued at {@link #ISSUED}. */
    static String twelveHourKey(String secret) {
        return key(ISSUED, 43_200, secret);
    }
}
