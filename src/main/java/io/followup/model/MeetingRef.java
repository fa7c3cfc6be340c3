package io.followup.model;

import java.time.LocalDate;

/** The meeting a task came from, as shown next to the task. */
public record MeetingRef(String id, String title, LocalDate date) {
}
