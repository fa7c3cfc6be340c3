package io.followup.vault.writeback;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A note's bytes cut into lines without losing a byte: the BOM, and each line's own terminator (LF, CRLF,
 * or none on the last line), so a file that mixes line endings is written back exactly as it was.
 * Lines are numbered from 1, like the store's source lines.
 */
public final class NoteLines {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** One line: its content and its terminator ("\n", "\r\n" or ""). */
    public record Line(byte[] content, byte[] eol) {
    }

    private final byte[] bom;
    private final List<Line> lines;

    private NoteLines(byte[] bom, List<Line> lines) {
        this.bom = bom;
        this.lines = lines;
    }

    public static NoteLines of(byte[] file) {
        int start = file.length >= 3 && file[0] == BOM[0] && file[1] == BOM[1] && file[2] == BOM[2] ? 3 : 0;
        List<Line> lines = new ArrayList<>();
        int from = start;
        for (int i = start; i < file.length; i++) {
            if (file[i] == '\n') {
                int contentEnd = i > from && file[i - 1] == '\r' ? i - 1 : i;
                lines.add(new Line(Arrays.copyOfRange(file, from, contentEnd), Arrays.copyOfRange(file, contentEnd, i + 1)));
                from = i + 1;
            }
        }
        if (from < file.length) {
            lines.add(new Line(Arrays.copyOfRange(file, from, file.length), new byte[0]));
        }
        return new NoteLines(Arrays.copyOf(file, start), lines);
    }

    public int size() {
        return lines.size();
    }

    /** The content (no terminator) of 1-based line {@code n}. */
    public byte[] content(int n) {
        return lines.get(n - 1).content();
    }

    public void replace(int n, byte[] content) {
        lines.set(n - 1, new Line(content, lines.get(n - 1).eol()));
    }

    /** Inserts a line above line {@code n}, ending it the way line {@code n} ends (LF if that is the last line). */
    public void insertAbove(int n, byte[] content) {
        byte[] eol = lines.get(n - 1).eol();
        lines.add(n - 1, new Line(content, eol.length == 0 ? new byte[] {'\n'} : eol));
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        for (Line line : lines) {
            out.writeBytes(line.content());
            out.writeBytes(line.eol());
        }
        return out.toByteArray();
    }
}
