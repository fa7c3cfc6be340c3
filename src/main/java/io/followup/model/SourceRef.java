package io.followup.model;

/** One line of one note that holds a task; path is relative to the vault, line is 1-based. */
public record SourceRef(String path, int line) {
}
