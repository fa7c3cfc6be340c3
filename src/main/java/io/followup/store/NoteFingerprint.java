package io.followup.store;

import java.time.LocalDate;

/** What the notes table remembers about a file to tell whether it changed, and the date it merged under. */
public record NoteFingerprint(String path, long size, long mtimeMs, String hash, LocalDate date, boolean meeting) {
}
