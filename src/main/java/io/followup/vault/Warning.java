package io.followup.vault;

/** Something odd found while reading a note; line is 1-based, or 0 for the whole file. */
public record Warning(String path, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? path + ":" + line + ": " + message : path + ": " + message;
    }
}
