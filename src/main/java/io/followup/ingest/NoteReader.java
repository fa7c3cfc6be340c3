package io.followup.ingest;

import io.followup.vault.ParsedNote;

/** Parses one note's bytes; the vault's NoteParser in production. */
@FunctionalInterface
public interface NoteReader {

    ParsedNote parse(String relPath, byte[] content);
}
