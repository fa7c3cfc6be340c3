package io.followup.chat;

import io.followup.model.Task;
import io.followup.model.TaskStatus;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Says when a task is due relative to today: "3 days overdue", "due today", "due in 4 days (2026-03-09)". */
public final class DueLabels {

    private DueLabels() {
    }

    public static String of(Task task, LocalDate today) {
        if (task.status() == TaskStatus.DONE) {
            return task.done() == null ? "done" : "done " + task.done();
        }
        if (task.status() == TaskStatus.CANCELLED) {
            return task.cancelled() == null ? "cancelled" : "cancelled " + task.cancelled();
        }
        LocalDate due = task.due();
        if (due == null) {
            return "no due date";
        }
        long days = ChronoUnit.DAYS.between(today, due);
        if (days < 0) {
            return -days == 1 ? "1 day overdue" : -days + " days overdue";
        }
        if (days == 0) {
            return "due today";
        }
        if (days == 1) {
            return "due tomorrow";
        }
        return "due in " + days + " days (" + due + ")";
    }
}
