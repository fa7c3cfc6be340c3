package io.followup.tasks;

import io.followup.model.Task;

/**
 * Carries a change saved in the store back to the task's Markdown source line(s). The write-back
 * component supplies the real one; {@link #DISABLED} is used when none is configured.
 */
@FunctionalInterface
public interface TaskWriter {

    TaskWriter DISABLED = (before, after) -> WriteResult.disabled("write-back not configured");

    /**
     * Edits every source line of {@code before} so the note says what {@code after} says. The change is in the store
     * already, with the task marked pending; a writer that reports it written has cleared that mark (WriteBack does it
     * in the transaction that records the write, one fewer per click than clearing it here).
     */
    WriteResult apply(Task before, Task after);
}
