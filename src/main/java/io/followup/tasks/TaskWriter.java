package io.followup.tasks;

import io.followup.model.Task;

/** Carries a change saved in the store into the task's Markdown source lines (the vault write-back). */
public interface TaskWriter {

    /** Makes every source line of {@code before} say what {@code after} says; never throws for expected outcomes. */
    WriteResult apply(Task before, Task after);
}
