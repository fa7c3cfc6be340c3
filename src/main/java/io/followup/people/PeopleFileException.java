package io.followup.people;

/** The people file is missing or not what contract.md describes; the message names the file. */
public class PeopleFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PeopleFileException(String message) {
        super(message);
    }

    public PeopleFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
