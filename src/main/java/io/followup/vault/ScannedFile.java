package io.followup.vault;

import java.nio.file.Path;

/** One note file found in the vault; {@code relPath} uses '/' separators on every platform. */
public record ScannedFile(String relPath, Path file, long size, long mtimeMs) {
}
