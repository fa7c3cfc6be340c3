package io.followup.ingest;

import io.followup.vault.Warning;
import java.time.Duration;
import java.util.List;

/**
 * What an ingest did: notes in the store afterwards, files parsed, files skipped as unchanged, notes
 * removed, meetings and tasks in the store afterwards, and the warnings of the files read this time.
 */
public record IngestReport(int notes, int parsed, int skippedUnchanged, int deleted, int meetings, int tasks,
                           List<Warning> warnings, Duration took) {

    public IngestReport {
        warnings = List.copyOf(warnings);
    }
}
