package io.followup.app;

import io.followup.model.Meeting;
import io.followup.store.Database;
import io.followup.store.MeetingStore;
import io.followup.store.NoteStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code followup meetings}: every meeting, as a table or as JSON. */
@Command(name = "meetings", description = "List the meetings in the store (run `followup ingest` first).")
public final class MeetingsCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Database db = StoreAccess.openExisting(options.config().db());
        if (db == null) {
            spec.commandLine().getErr().println(StoreAccess.INGEST_FIRST);
            return 1;
        }
        try (db) {
            if (new NoteStore(db).count() == 0) {
                spec.commandLine().getErr().println(StoreAccess.INGEST_FIRST);
                return 1;
            }
            List<Meeting> meetings = new MeetingStore(db).all();
            out.println(json ? TaskJson.meetings(meetings) : table(meetings));
            out.flush();
            return 0;
        }
    }

    private static String table(List<Meeting> meetings) {
        StringBuilder sb = new StringBuilder(String.format("%-9s %-10s %5s  %s%n", "ID", "DATE", "TASKS", "TITLE"));
        for (Meeting m : meetings) {
            sb.append(String.format("%-9s %-10s %5d  %s%n", m.id(), m.date() == null ? "-" : m.date(), m.taskIds().size(), m.title()));
        }
        sb.append(meetings.size()).append(meetings.size() == 1 ? " meeting" : " meetings");
        return sb.toString();
    }
}
