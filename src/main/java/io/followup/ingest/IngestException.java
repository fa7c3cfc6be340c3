package io.followup.ingest;

/** An ingest cannot start (the vault is missing or unreadable); the message says which folder and why. */
public final class IngestException extends RuntimeException {

    public IngestException(String message) {
        super(message);
    }
}
