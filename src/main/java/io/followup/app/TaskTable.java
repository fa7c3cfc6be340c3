package io.followup.app;

import io.followup.model.Task;
import java.util.List;

/** A plain-text table of tasks for the terminal. */
final class TaskTable {

    private static final int DESCRIPTION_WIDTH = 70;

    private TaskTable() {
    }

    static String render(List<Task> tasks) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-9s %-11s %-10s %-20s %s%n", "ID", "STATUS", "DUE", "OWNER", "DESCRIPTION"));
        for (Task t : tasks) {
            sb.append(String.format("%-9s %-11s %-10s %-20s %s%n", t.id(), t.status().jsonName(), t.due() == null ? "-" : t.due(),
                    cut(t.owner() == null ? "-" : t.owner(), 20), cut(t.description(), DESCRIPTION_WIDTH)));
        }
        sb.append(tasks.size()).append(tasks.size() == 1 ? " task" : " tasks");
        return sb.toString();
    }

    static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "\u2026";
    }
}
