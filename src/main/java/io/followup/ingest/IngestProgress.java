package io.followup.ingest;

/** Told how many of the files to look at have been looked at; called from worker threads. */
@FunctionalInterface
public interface IngestProgress {

    IngestProgress NONE = (done, total) -> { };

    void update(int done, int total);
}
