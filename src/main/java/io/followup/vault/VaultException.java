package io.followup.vault;

/** A fault reading the vault itself (missing or unreadable folder); the message names the path. */
public class VaultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
