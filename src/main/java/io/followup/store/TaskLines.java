package io.followup.store;

import io.followup.model.Priority;
import io.followup.model.TaskStatus;
import io.followup.vault.ParsedTask;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A note's task lines as one compact blob (one row per note instead of one per line: an ingest writes
 * far fewer rows). Strings are length-prefixed UTF-8, dates epoch days, absent values marked; the
 * format is private to the store and rebuilt by every ingest that parses the note.
 */
final class TaskLines {

    private static final int VERSION = 1;

    private TaskLines() {
    }

    static byte[] encode(List<ParsedTask> tasks) {
        Out out = new Out(64 + tasks.size() * 160);
        out.varint(VERSION);
        out.varint(tasks.size());
        for (ParsedTask t : tasks) {
            out.varint(t.line());
            out.string(t.rawLine() == null ? "" : t.rawLine());
            out.string(t.statusSymbol() == null ? " " : t.statusSymbol());
            out.string(t.status().jsonName());
            out.string(t.description() == null ? "" : t.description());
            out.string(t.ownerRaw());
            out.varint(t.ownerFromHeading() ? 1 : 0);
            out.date(t.due());
            out.date(t.scheduled());
            out.date(t.start());
            out.date(t.created());
            out.date(t.done());
            out.date(t.cancelled());
            out.string(t.priority() == null ? null : t.priority().jsonName());
            out.string(t.recurrence());
            out.varint(t.tags().size());
            for (String tag : t.tags()) {
                out.string(tag);
            }
            out.string(t.blockId());
        }
        return out.bytes();
    }

    static List<ParsedTask> decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return List.of();
        }
        In in = new In(bytes);
        int version = in.varint();
        if (version != VERSION) {
            throw new IllegalStateException("task lines stored in an unknown format " + version);
        }
        int n = in.varint();
        List<ParsedTask> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int line = in.varint();
            String raw = in.string();
            String symbol = in.string();
            TaskStatus status = TaskStatus.fromJsonName(in.string());
            String description = in.string();
            String ownerRaw = in.string();
            boolean fromHeading = in.varint() == 1;
            LocalDate due = in.date();
            LocalDate scheduled = in.date();
            LocalDate start = in.date();
            LocalDate created = in.date();
            LocalDate done = in.date();
            LocalDate cancelled = in.date();
            Priority priority = Priority.fromJsonName(in.string());
            String recurrence = in.string();
            int tagCount = in.varint();
            List<String> tags = new ArrayList<>(tagCount);
            for (int k = 0; k < tagCount; k++) {
                tags.add(in.string());
            }
            String blockId = in.string();
            out.add(new ParsedTask(line, raw, symbol, status, description, ownerRaw, fromHeading, due, scheduled, start, created,
                    done, cancelled, priority, recurrence, tags, blockId));
        }
        return out;
    }

    private static final class Out {
        private byte[] buf;
        private int n;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        private void ensure(int more) {
            if (n + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
            }
        }

        void varint(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[n++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[n++] = (byte) v;
        }

        /** Length + 1 (0 = null), then the UTF-8 bytes. */
        void string(String s) {
            if (s == null) {
                varint(0);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length + 1L);
            ensure(b.length);
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
        }

        /** Epoch day + 1 zig-zag encoded, 0 = null. */
        void date(LocalDate d) {
            if (d == null) {
                varint(0);
                return;
            }
            long e = d.toEpochDay();
            varint(((e << 1) ^ (e >> 63)) + 1);
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, n);
        }
    }

    private static final class In {
        private final byte[] buf;
        private int p;

        In(byte[] buf) {
            this.buf = buf;
        }

        long varlong() {
            long v = 0;
            int shift = 0;
            while (true) {
                byte b = buf[p++];
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
                shift += 7;
            }
        }

        int varint() {
            return (int) varlong();
        }

        String string() {
            long len = varlong();
            if (len == 0) {
                return null;
            }
            int l = (int) (len - 1);
            String s = new String(buf, p, l, StandardCharsets.UTF_8);
            p += l;
            return s;
        }

        LocalDate date() {
            long v = varlong();
            if (v == 0) {
                return null;
            }
            long z = v - 1;
            return LocalDate.ofEpochDay((z >>> 1) ^ -(z & 1));
        }
    }
}
