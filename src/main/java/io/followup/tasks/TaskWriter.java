package io.followup.tasks;

import io.followup.model.Task;

/**
 * Carries a change saved in the store back to the task's Markdown source line(s). The write-back
 * component supplies the real one; {@link #DISABLED} is used when none is configured.
 */
@FunctionalInterface
public interface TaskWriter {

    TaskWriter DISABLED = (before, after) -> WriteResult.disabled("write-back not configured");

    /** Edits every source line of {@code before} so the note says what {@code after} says. */
    WriteResult apply(Task before, Task after);
}
