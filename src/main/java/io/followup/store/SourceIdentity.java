package io.followup.store;

/** A task line identified without its line number: the note, its normalised text, and which occurrence of that text. */
public record SourceIdentity(String path, String normText, int occurrence) {
}
