package io.followup.vault.writeback;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A note's bytes cut into lines without losing a byte: the BOM, and each line's own terminator (LF, CRLF,
 * or none on the last line), so a file that mixes line endings is written back exactly as it was.
 * Lines are numbered from 1, like the store's source lines.
 * <p>
 * A line is a slice of the file's bytes until it is replaced: a click's write-back cuts the note three times (to edit
 * it, and the note before and after to check that only task lines changed) and reads a line or two of it, so every
 * line is not copied each time.
 */
public final class NoteLines {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] LF = {'\n'};
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] NONE = {};

    /** One line: its content, bytes {@code from} to {@code to} of {@code bytes}, and its terminator (LF, CRLF or none). */
    private record Line(byte[] bytes, int from, int to, byte[] eol) {
        static Line of(byte[] content, byte[] eol) {
            return new Line(content, 0, content.length, eol);
        }

        boolean sameContent(Line other) {
            return Arrays.equals(bytes, from, to, other.bytes, other.from, other.to);
        }
    }

    private final int bomLength;
    private final List<Line> lines;

    private NoteLines(int bomLength, List<Line> lines) {
        this.bomLength = bomLength;
        this.lines = lines;
    }

    /** The lines of {@code file}, which must not change while they are in use. */
    public static NoteLines of(byte[] file) {
        int start = file.length >= 3 && file[0] == BOM[0] && file[1] == BOM[1] && file[2] == BOM[2] ? 3 : 0;
        List<Line> lines = new ArrayList<>();
        int from = start;
        for (int i = start; i < file.length; i++) {
            if (file[i] == '\n') {
                boolean crlf = i > from && file[i - 1] == '\r';
                lines.add(new Line(file, from, crlf ? i - 1 : i, crlf ? CRLF : LF));
                from = i + 1;
            }
        }
        if (from < file.length) {
            lines.add(new Line(file, from, file.length, NONE));
        }
        return new NoteLines(start, lines);
    }

    public int size() {
        return lines.size();
    }

    /** The content (no terminator) of 1-based line {@code n}, a copy. */
    public byte[] content(int n) {
        Line line = lines.get(n - 1);
        return Arrays.copyOfRange(line.bytes(), line.from(), line.to());
    }

    /** Whether line {@code n} here and line {@code n} of {@code other} have the same content (terminators aside). */
    public boolean sameContent(int n, NoteLines other) {
        return lines.get(n - 1).sameContent(other.lines.get(n - 1));
    }

    public void replace(int n, byte[] content) {
        lines.set(n - 1, Line.of(content, lines.get(n - 1).eol()));
    }

    /** Inserts a line above line {@code n}, ending it the way line {@code n} ends (LF if that is the last line). */
    public void insertAbove(int n, byte[] content) {
        byte[] eol = lines.get(n - 1).eol();
        lines.add(n - 1, Line.of(content, eol.length == 0 ? LF : eol));
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(BOM, 0, bomLength);
        for (Line line : lines) {
            out.write(line.bytes(), line.from(), line.to() - line.from());
            out.writeBytes(line.eol());
        }
        return out.toByteArray();
    }
}
