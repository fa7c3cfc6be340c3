package io.followup.ingest;

import io.followup.vault.ParsedTask;

/**
 * One task line with what merging learned about it: its normalised text, which occurrence of that
 * text it is in its note (0 for the first), and the owner it resolves to.
 */
public record TaskSource(String path, ParsedTask task, String normText, int occurrence, OwnerResolver.Owner owner) {

    public int line() {
        return task.line();
    }
}
