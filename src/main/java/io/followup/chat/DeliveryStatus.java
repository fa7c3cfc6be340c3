package io.followup.chat;

import java.util.List;

/** What the daily digest and reminders delivered, for admins: a report, and how many messages failed today. */
public interface DeliveryStatus {

    /** Short enough for a chat message: today's counts, each failure with what to do about it, the next run. */
    List<String> summary();

    /** Messages of today (or later, for owners in zones ahead) that failed for good. */
    int failedToday();
}
