package io.followup.chat.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's v0 request signature: HMAC-SHA256 of "v0:timestamp:body" with the signing secret, compared
 * in constant time, and the timestamp no more than five minutes from now (real time, not FOLLOWUP_TODAY).
 */
final class RequestSignature {

    static final long MAX_AGE_SECONDS = 5 * 60;

    private final byte[] secret;
    private final Clock realClock;

    RequestSignature(String signingSecret, Clock realClock) {
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.realClock = realClock;
    }

    boolean valid(String timestamp, String signature, String body) {
        if (timestamp == null || signature == null || body == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(realClock.instant().getEpochSecond() - ts) > MAX_AGE_SECONDS) {
            return false;
        }
        byte[] expected = sign(timestamp.strip(), body).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.UTF_8));
    }

    String sign(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
