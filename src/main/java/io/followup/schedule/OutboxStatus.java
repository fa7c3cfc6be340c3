package io.followup.schedule;

import io.followup.chat.DeliveryStatus;
import io.followup.digest.DigestText;
import io.followup.store.OutboxRow;
import io.followup.store.OutboxStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox as people read it: {@code followup digest --status} prints it and admins see it with
 * {@code /tasks digest}. Today is the team's date; rows already dated tomorrow belong to owners whose own
 * morning came first. A failed row says what went wrong and, for the common errors, what to do.
 */
public final class OutboxStatus implements DeliveryStatus {

    private static final int DAYS_AHEAD = 2;
    /** Failures a chat summary lists one by one (a message holds 50 blocks). */
    private static final int MAX_LISTED = 20;

    private final OutboxStore outbox;
    private final ScheduleSettings settings;
    private final Clock clock;
    private final java.util.function.UnaryOperator<String> advice;

    /** {@code advice}: what to do about a chat platform's error (" — invite the bot …"), or "" when nothing to say. */
    public OutboxStatus(OutboxStore outbox, ScheduleSettings settings, Clock clock, java.util.function.UnaryOperator<String> advice) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.advice = advice;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), settings.zone());
    }

    /** The whole picture, for the terminal: every message of today (and already of the next days), the past week's failures. */
    public String report() {
        LocalDate today = today();
        List<String> out = new ArrayList<>();
        List<OutboxRow> rows = outbox.byDay(today);
        out.add("Outbox for " + DigestText.day(today) + " (" + settings.zone() + "): " + (rows.isEmpty() ? "nothing yet." : ""));
        rows.forEach(r -> out.add("  " + line(r)));
        for (int i = 1; i <= DAYS_AHEAD; i++) {
            List<OutboxRow> ahead = outbox.byDay(today.plusDays(i));
            if (!ahead.isEmpty()) {
                out.add("Already for " + DigestText.day(today.plusDays(i)) + " (owners whose morning comes first):");
                ahead.forEach(r -> out.add("  " + line(r)));
            }
        }
        List<OutboxRow> failed = failedThePreviousWeek(today);
        if (!failed.isEmpty()) {
            out.add("Failed in the previous 7 days (not retried):");
            failed.forEach(r -> out.add("  " + r.day() + "  " + line(r)));
        }
        out.add("Next scheduled digest: " + ZonedDateTime.ofInstant(settings.nextDigestAfter(clock.instant()), settings.zone()));
        return String.join("\n", out);
    }

    @Override
    public List<String> summary() {
        LocalDate today = today();
        List<OutboxRow> rows = new ArrayList<>();
        for (int i = 0; i <= DAYS_AHEAD; i++) {
            rows.addAll(outbox.byDay(today.plusDays(i)));
        }
        java.util.Map<OutboxRow.State, Long> counts = rows.stream()
                .collect(java.util.stream.Collectors.groupingBy(OutboxRow::state, java.util.stream.Collectors.counting()));
        List<String> out = new ArrayList<>();
        out.add(DigestText.day(today) + " (" + settings.zone() + "): " + counts.getOrDefault(OutboxRow.State.SENT, 0L) + " sent, "
                + (counts.getOrDefault(OutboxRow.State.QUEUED, 0L) + counts.getOrDefault(OutboxRow.State.SENDING, 0L)) + " waiting, "
                + counts.getOrDefault(OutboxRow.State.FAILED, 0L) + " failed.");
        List<OutboxRow> failed = rows.stream().filter(r -> r.state() == OutboxRow.State.FAILED).toList();
        failed.stream().limit(MAX_LISTED).forEach(r -> out.add("• " + r.kind() + " to " + r.recipient()
                + (r.subject() == null ? "" : " (" + r.subject() + ")") + ": " + r.lastError() + advice.apply(r.lastError())));
        if (failed.size() > MAX_LISTED) {
            out.add("…and " + (failed.size() - MAX_LISTED) + " more: followup digest --status lists them all.");
        }
        long before = failedThePreviousWeek(today).size();
        if (before > 0) {
            out.add(before + " failed in the previous 7 days: followup digest --status lists them.");
        }
        out.add("Next digest: " + ZonedDateTime.ofInstant(settings.nextDigestAfter(clock.instant()), settings.zone()).toLocalDateTime());
        return out;
    }

    /** The failures of the 7 days before today (today's are shown with today's messages). */
    private List<OutboxRow> failedThePreviousWeek(LocalDate today) {
        return outbox.failedSince(today.minusDays(7)).stream().filter(r -> r.day().isBefore(today)).toList();
    }

    @Override
    public int failedToday() {
        return outbox.countFailedSince(today());
    }

    private String line(OutboxRow r) {
        String who = r.recipient() + (r.subject() == null ? "" : " (" + r.subject() + ")");
        String base = String.format("%-7s %-8s %s", r.state().dbName(), r.kind(), who);
        return switch (r.state()) {
            case SENT -> base + "  ts " + r.sentTs() + (r.partsSent() > 1 ? " + " + (r.partsSent() - 1) + " thread replies" : "")
                    + "  at " + time(r.sentAt());
            case FAILED -> base + "  error: " + r.lastError() + " (attempts " + r.attempts() + ")" + advice.apply(r.lastError());
            case QUEUED -> base + "  due " + time(r.dueAt()) + (r.lastError() == null ? "" : "  last error: " + r.lastError())
                    + " (attempts " + r.attempts() + ")";
            case SENDING -> base + "  being posted since " + time(r.claimedAt());
        };
    }

    private String time(java.time.Instant at) {
        return ZonedDateTime.ofInstant(at, settings.zone()).toLocalTime().withNano(0).toString();
    }
}
