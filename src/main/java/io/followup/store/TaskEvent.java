package io.followup.store;

import java.time.Instant;

/**
 * One recorded change of a task: who (chat user id, 'vault' or 'cli'), what (complete, reopen, snooze,
 * reassign, accept, decline, ...), a human detail, and where it came from (channel/message, app home, cli).
 */
public record TaskEvent(long id, String taskId, Instant at, String actor, String action, String detail, String origin) {

    public static TaskEvent of(String taskId, Instant at, String actor, String action, String detail, String origin) {
        return new TaskEvent(0, taskId, at, actor, action, detail, origin);
    }
}
