package io.followup.store;

import java.time.Instant;
import java.time.LocalDate;

/** One outbox message and where its sending stands. */
public record OutboxRow(
        long id,
        LocalDate day,
        String recipient,
        String kind,
        String subject,
        String payload,
        State state,
        int attempts,
        String lastError,
        Instant dueAt,
        String claimToken,
        Instant claimedAt,
        Instant uncertainSince,
        int partsSent,
        String sentChannel,
        String sentTs,
        Instant sentAt,
        Instant createdAt) {

    /** queued → sending → sent, or failed for good. */
    public enum State {
        QUEUED, SENDING, SENT, FAILED;

        public String dbName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The idempotency key as text, e.g. "2026-03-10/U0ANA/reminder": also what a post is tagged with. */
    public String key() {
        return day + "/" + recipient + "/" + kind;
    }
}
