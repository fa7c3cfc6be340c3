package io.followup.bench;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes seed-like meeting notes from a number: note {@code i} of seed {@code s} is always the same text,
 * whichever thread asks. About one note in twelve captures the previous note's meeting a second time
 * (other shape, title and partly other wording), as transcription pipelines do.
 */
final class NoteGenerator {

    /** The vault owner: who {@code @Myself} is in a generated vault. */
    static final String ME = "Priya Raman";
    /** Generated dates are spread around this day (the demo's "today"). */
    static final LocalDate TODAY = LocalDate.of(2026, 3, 4);

    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String[] PRIORITIES = {"🔺", "⏫", "⏫", "🔼", "🔼", "🔽", "⏬"};
    private static final List<String> TOPICS = List.of(
            "pricing review", "kickoff", "quarterly business review", "pilot retro", "roadmap sync",
            "security review", "integration planning", "renewal discussion", "launch readiness", "escalation call");
    private static final List<String> PROJECTS = List.of(
            "Tide booking app", "Customer portal", "Data platform", "Mobile wallet", "Partner API", "Design system");

    enum Shape { CUSTOMER, TRANSCRIPT, ONE_ON_ONE, PEOPLE, PROJECT }

    /** One task as the meeting knows it, before a note's style writes it down. */
    record GenTask(String text, String owner, char status, LocalDate due, String priority, LocalDate done,
                   String recurrence, String blockId, LocalDate created) {
    }

    /** The meeting behind a note (or behind two notes, for a twin). */
    record GenMeeting(int index, Shape shape, LocalDate date, String account, String topic, String person,
                      List<String> participants, List<GenTask> tasks) {
    }

    /** A rendered note: where it goes, its bytes, and how many task lines it holds (outside code blocks). */
    record GeneratedNote(String relPath, byte[] bytes, int taskLines) {
    }

    private final long seed;

    NoteGenerator(long seed) {
        this.seed = seed;
    }

    GeneratedNote generate(int i) {
        SplittableRandom r = rng(i, 1);
        boolean twin = isTwin(i);
        GenMeeting m = twin ? meeting(i - 1) : meeting(i);
        Shape shape = twin ? twinShape(m.shape()) : m.shape();
        List<GenTask> tasks = twin ? reword(m.tasks(), r, i) : m.tasks();
        StringBuilder sb = new StringBuilder(20_000);
        String path = switch (shape) {
            case CUSTOMER -> customer(sb, i, m, tasks, r);
            case TRANSCRIPT -> transcript(sb, i, m, tasks, r);
            case ONE_ON_ONE -> oneOnOne(sb, i, m, tasks, r);
            case PEOPLE -> people(sb, i, m, tasks, r);
            case PROJECT -> project(sb, i, m, tasks, r);
        };
        int roll = r.nextInt(100);
        Encodings enc = roll < 4 ? Encodings.MOJIBAKE_CP1252 : roll < 8 ? Encodings.MOJIBAKE_CP1254
                : roll < 12 ? Encodings.MOJIBAKE_MAC_ROMAN : roll < 14 ? Encodings.RAW_CP1252 : Encodings.UTF8;
        boolean crlf = r.nextInt(100) < 10;
        boolean bom = enc == Encodings.UTF8 && r.nextInt(100) < 3;
        return new GeneratedNote(path, enc.encode(sb.toString(), crlf, bom), tasks.size());
    }

    // ---- the meeting model -------------------------------------------------------------------

    private boolean isTwin(int i) {
        return i > 0 && rng(i, 2).nextInt(100) < 8 && rng(i - 1, 2).nextInt(100) >= 8
                && meeting(i - 1).shape() != Shape.PROJECT;
    }

    GenMeeting meeting(int i) {
        SplittableRandom r = rng(i, 0);
        int roll = r.nextInt(100);
        Shape shape = roll < 30 ? Shape.CUSTOMER : roll < 60 ? Shape.TRANSCRIPT : roll < 80 ? Shape.ONE_ON_ONE
                : roll < 95 ? Shape.PEOPLE : Shape.PROJECT;
        LocalDate date = TODAY.plusDays(r.nextInt(-320, 15));
        String account = pick(r, Pools.ACCOUNTS);
        String topic = pick(r, TOPICS);
        List<String> participants = new ArrayList<>();
        String person = pick(r, Pools.PEOPLE);
        if (shape == Shape.ONE_ON_ONE || shape == Shape.PEOPLE) {
            participants.add(person);
            participants.add(ME);
        } else {
            if (r.nextInt(100) < 70) {
                participants.add(ME);
            }
            int n = r.nextInt(3, 9);
            while (participants.size() < n) {
                String p = pick(r, Pools.PEOPLE);
                if (!participants.contains(p)) {
                    participants.add(p);
                }
            }
        }
        int taskCount = r.nextInt(10, 15);
        List<GenTask> tasks = new ArrayList<>(taskCount);
        for (int t = 0; t < taskCount; t++) {
            tasks.add(task(r, shape, date, account, participants, person));
        }
        return new GenMeeting(i, shape, date, account, topic, person, participants, tasks);
    }

    private GenTask task(SplittableRandom r, Shape shape, LocalDate date, String account, List<String> participants,
                         String person) {
        String text = (pick(r, Pools.VERBS) + " " + pick(r, Pools.OBJECTS) + " "
                + pick(r, Pools.QUALIFIERS).replace("%A", account).replace("%P", firstName(pick(r, participants))))
                .strip();
        String owner = owner(r, shape, participants, person);
        long age = TODAY.toEpochDay() - date.toEpochDay();
        int roll = r.nextInt(100);
        char status;
        if (age > 30) {
            status = roll < 75 ? 'x' : roll < 80 ? '-' : roll < 90 ? ' ' : '?';
        } else {
            status = roll < 45 ? ' ' : roll < 55 ? '/' : roll < 70 ? 'x' : roll < 95 ? '?' : '-';
        }
        LocalDate due = r.nextInt(100) < 80 ? date.plusDays(r.nextInt(1, 22)) : null;
        LocalDate done = status == 'x' ? date.plusDays(r.nextInt(0, 15)) : null;
        String priority = r.nextInt(100) < 65 ? PRIORITIES[r.nextInt(PRIORITIES.length)] : null;
        String recurrence = r.nextInt(100) < 3 ? "every week" : null;
        String blockId = r.nextInt(100) < 3 ? Long.toString(r.nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36) : null;
        LocalDate created = r.nextInt(100) < 5 ? date : null;
        return new GenTask(text, owner, status, due, priority, done, recurrence, blockId, created);
    }

    /** Mostly a participant's full name; sometimes a first name, a doubled last name, @Myself, a team, or nobody. */
    private static String owner(SplittableRandom r, Shape shape, List<String> participants, String person) {
        int roll = r.nextInt(100);
        if (shape == Shape.ONE_ON_ONE && roll < 60) {
            return null; // the "## Action items (for X)" heading owns it
        }
        String p = pick(r, participants);
        if (roll < 55) {
            return p.equals(ME) && r.nextBoolean() ? "Myself" : p;
        } else if (roll < 65) {
            return firstName(p);
        } else if (roll < 70) {
            return p + " " + p.substring(p.lastIndexOf(' ') + 1);
        } else if (roll < 80) {
            return "Myself";
        } else if (roll < 88) {
            return pick(r, Pools.TEAMS);
        } else if (roll < 95) {
            return pick(r, Pools.PEOPLE);
        }
        return shape == Shape.PROJECT ? null : person;
    }

    /** The second capture of a meeting: a few tasks dropped or reworded, @Myself for the owner's name. */
    private static List<GenTask> reword(List<GenTask> tasks, SplittableRandom r, int i) {
        List<GenTask> out = new ArrayList<>();
        for (GenTask t : tasks) {
            int roll = r.nextInt(100);
            if (roll < 10) {
                continue;
            }
            String text = roll < 30 ? t.text().replaceFirst(" the ", " our ") : t.text();
            String owner = "Myself".equals(t.owner()) ? ME : ME.equals(t.owner()) ? "Myself" : t.owner();
            char status = t.status() == '?' ? ' ' : t.status();
            out.add(new GenTask(text, owner, status, t.due(), t.priority(), t.done(), t.recurrence(), t.blockId(),
                    t.created()));
        }
        out.add(new GenTask("Circulate the notes from this meeting (capture " + i + ")", "Myself", ' ',
                TODAY.plusDays(r.nextInt(-10, 10)), null, null, null, null, null));
        return out;
    }

    private static Shape twinShape(Shape s) {
        return switch (s) {
            case CUSTOMER -> Shape.TRANSCRIPT;
            case TRANSCRIPT -> Shape.CUSTOMER;
            case ONE_ON_ONE -> Shape.PEOPLE;
            case PEOPLE, PROJECT -> Shape.ONE_ON_ONE;
        };
    }

    // ---- the note shapes ------------------------------------------------------------------------

    private String customer(StringBuilder sb, int i, GenMeeting m, List<GenTask> tasks, SplittableRandom r) {
        String title = m.account() + " " + m.topic();
        sb.append("---\ntype: customer\ntitle: ").append(title).append("\ndate: '").append(m.date())
                .append("'\naccount: ").append(m.account()).append("\nparticipants:\n");
        m.participants().forEach(p -> sb.append("- ").append(p).append('\n'));
        sb.append("source: transcript\nsource_ref: Inbox/_archive/").append(m.date()).append('/').append(m.date())
                .append(" - ").append(title).append(" and a long generated summary that wraps onto a second\n  line.md\n")
                .append("tags:\n- type/customer\n- account/").append(slug(m.account())).append("\n- generated\n---\n\n");
        sb.append("# ").append(title).append("\n\n**Date**: ").append(m.date()).append("\n**Account**: [[")
                .append(m.account()).append("]]\n**Attendees**: ").append(String.join(", ", m.participants()))
                .append("\n\n## Summary\n\n");
        paragraph(sb, r, 6);
        sb.append("## Action Items\n");
        tasks.forEach(t -> sb.append(proposedLine(t, "[?]")).append('\n'));
        sb.append("\n## Decisions\n");
        bullets(sb, r, m, 4);
        sb.append("\n## Key Information\n");
        bullets(sb, r, m, 8);
        sb.append("\n---\n\n*Source: [[Inbox/_archive/").append(m.date()).append('/').append(title).append("]]*\n\n## Related\n\n");
        m.participants().forEach(p -> sb.append("- [[").append(p).append("]]\n"));
        padTranscript(sb, r, m, 5_000 + r.nextInt(3_000), false);
        return "Meetings/Customers/" + m.date().toString().substring(0, 7) + "/" + m.date() + " - " + ascii(title)
                + " n" + i + ".md";
    }

    private String transcript(StringBuilder sb, int i, GenMeeting m, List<GenTask> tasks, SplittableRandom r) {
        String hhmm = String.format(Locale.ROOT, "%02d%02d", r.nextInt(8, 18), r.nextInt(4) * 15);
        String title = m.date().format(COMPACT) + " " + hhmm + " " + m.account() + " Transcription";
        sb.append("---\ntype: \"group-meeting\"\ncreated: { { DATE } }\ntitle: \"").append(title)
                .append("\"\nparticipants: [{ { PARTICIPANTS } }]\nai_extracted: true\ntranscript_path: \"00 Inbox/Transcripts/")
                .append(title).append(".txt\"\ntags: [meeting, group]\n---\n\n# ").append(title)
                .append("\n\n**Date:** ").append(m.date()).append("  \n**Participants:** ")
                .append(String.join(", ", m.participants())).append("\n\n## Summary\n\n");
        paragraph(sb, r, 5);
        sb.append("## Key facts learned\n\n");
        bullets(sb, r, m, 8);
        sb.append("\n## Outcomes\n\n");
        bullets(sb, r, m, 4);
        sb.append("\n## Decisions\n\n");
        bullets(sb, r, m, 4);
        int split = Math.max(1, tasks.size() - 3);
        sb.append("\n## Action items\n\n");
        tasks.subList(0, split).forEach(t -> sb.append(plainLine(t)).append('\n'));
        sb.append("\n## Follow-ups\n\n");
        tasks.subList(split, tasks.size()).forEach(t -> sb.append(plainLine(t)).append('\n'));
        sb.append("\n## Risks\n\n");
        bullets(sb, r, m, 5);
        sb.append("\n## Open questions\n\n");
        bullets(sb, r, m, 4);
        sb.append("\n---\n");
        padTranscript(sb, r, m, 18_000 + r.nextInt(12_000), false);
        return "Inbox/Transcripts/" + m.date().toString().substring(0, 7) + "/" + ascii(title) + " n" + i + ".md";
    }

    private String oneOnOne(StringBuilder sb, int i, GenMeeting m, List<GenTask> tasks, SplittableRandom r) {
        String first = firstName(m.person());
        sb.append("---\nentities:\n  people:\n  - '[[").append(m.person()).append("]]'\ntype: transcript\nsource_type: unknown\ndate: '")
                .append(m.date()).append("'\n---\n\n# 1:1 — ").append(first).append(" — ").append(m.date())
                .append("\n\n> [!info] Purpose\n> Build trust, surface and remove blockers, align on priorities, coach & grow.\n\n## Summary\n\n");
        paragraph(sb, r, 6);
        sb.append("## Key facts learned\n\n");
        bullets(sb, r, m, 8);
        sb.append("\n## Outcomes\n\n");
        bullets(sb, r, m, 5);
        sb.append("\n## Decisions\n\n");
        bullets(sb, r, m, 3);
        int split = Math.max(1, tasks.size() - 4);
        sb.append("\n## Action items (for ").append(first).append(")\n\n");
        tasks.subList(0, split).forEach(t -> sb.append(plainLine(t)).append('\n'));
        sb.append("\n## Follow-ups\n\n");
        tasks.subList(split, tasks.size()).forEach(t -> sb.append(plainLine(t.owner() == null ? withOwner(t, m.person()) : t)).append('\n'));
        sb.append("\n## Risks\n\n");
        bullets(sb, r, m, 5);
        sb.append("\n## Open questions\n\n");
        bullets(sb, r, m, 5);
        sb.append("\n> Next meeting (if any): ").append(m.date().plusDays(7)).append("\n\n---\n\n<!-- ai:transcript:start -->\n");
        padTranscript(sb, r, m, 18_000 + r.nextInt(14_000), true);
        sb.append("\n<!-- ai:transcript:end -->\n");
        return "People/" + ascii(m.person()) + "/" + m.date() + " - 1-1 " + ascii(first) + " n" + i + ".md";
    }

    private String people(StringBuilder sb, int i, GenMeeting m, List<GenTask> tasks, SplittableRandom r) {
        String title = capitalize(m.topic()) + " with " + firstName(m.person());
        sb.append("---\ntype: people\ntitle: ").append(title).append("\ndate: '").append(m.date())
                .append("'\nperson: ").append(m.person()).append("\nparticipants:\n");
        m.participants().forEach(p -> sb.append("- ").append(p).append('\n'));
        sb.append("source: transcript\ntags:\n- type/people\n- person/").append(slug(m.person()))
                .append("\n- generated\n---\n\n# ").append(title).append("\n\n**Date**: ").append(m.date())
                .append("\n**With**: ").append(String.join(", ", m.participants())).append("\n\n## Summary\n\n");
        paragraph(sb, r, 5);
        sb.append("## Action Items\n");
        tasks.forEach(t -> sb.append(proposedLine(t.owner() == null ? withOwner(t, m.person()) : t, "[ ?]")).append('\n'));
        sb.append("\n## Decisions\n");
        bullets(sb, r, m, 4);
        sb.append("\n## Key Information\n");
        bullets(sb, r, m, 8);
        sb.append("\n## Related\n\n");
        m.participants().forEach(p -> sb.append("- [[").append(p).append("]]\n"));
        padTranscript(sb, r, m, 5_000 + r.nextInt(3_000), false);
        return "People/" + ascii(m.person()) + "/" + m.date() + " - " + ascii(title) + " n" + i + ".md";
    }

    private String project(StringBuilder sb, int i, GenMeeting m, List<GenTask> tasks, SplittableRandom r) {
        String name = pick(r, PROJECTS) + " " + (i % 97);
        sb.append("---\ntype: projects\ntitle: ").append(name).append("\nstatus: active\nmy_role: owner\ncreated: '")
                .append(m.date()).append("'\ntags:\n- type/projects\n- status/active\n---\n\n# ").append(name)
                .append("\n\n**Owner**: ").append(m.person()).append("\n\n## Overview\n\n");
        paragraph(sb, r, 4);
        sb.append("## Open Tasks\n\n```tasks\npath includes Projects/").append(name).append("\nnot done\n```\n\n## Backlog\n\n");
        tasks.forEach(t -> sb.append(plainLine(new GenTask(t.text(), t.owner(), t.status(), null, t.priority(), t.done(),
                null, t.blockId(), null))).append('\n'));
        sb.append("\n## Recent Context\n\n");
        while (sb.length() < 14_000) {
            LocalDate d = m.date().minusDays(r.nextInt(0, 200));
            sb.append("- ").append(d).append(": Mentioned in: [[").append(d).append(" - ").append(pick(r, Pools.ACCOUNTS))
                    .append(' ').append(pick(r, TOPICS)).append("]] — ").append(pick(r, Pools.SENTENCES)).append('\n');
        }
        return "Projects/" + ascii(name) + " n" + i + ".md";
    }

    // ---- lines and filler -----------------------------------------------------------------------

    /** Pipeline style: {@code - [?] text @Owner 📅 date ⏫ #task #proposed}. Done tasks are {@code [x]}. */
    private static String proposedLine(GenTask t, String openBox) {
        StringBuilder sb = new StringBuilder(200);
        boolean closed = t.status() == 'x' || t.status() == '-';
        sb.append("- ").append(closed ? "[" + t.status() + "]" : openBox).append(' ').append(t.text());
        if (t.owner() != null) {
            sb.append(" @").append(t.owner());
        }
        if (t.due() != null) {
            sb.append(" 📅 ").append(t.due());
        }
        if (t.priority() != null) {
            sb.append(' ').append(t.priority());
        }
        if (t.done() != null) {
            sb.append(" ✅ ").append(t.done());
        }
        sb.append(closed ? " #task" : " #task #proposed");
        return sb.toString();
    }

    /** Hand-written style: {@code - [ ] text @Owner ⏫ 🔁 every week 📅 date ✅ date ^id}. */
    private static String plainLine(GenTask t) {
        StringBuilder sb = new StringBuilder(200);
        sb.append("- [").append(t.status()).append("] ").append(t.text());
        if (t.owner() != null) {
            sb.append(" @").append(t.owner());
        }
        if (t.priority() != null) {
            sb.append(' ').append(t.priority());
        }
        if (t.recurrence() != null) {
            sb.append(" 🔁 ").append(t.recurrence());
        }
        if (t.created() != null) {
            sb.append(" ➕ ").append(t.created());
        }
        if (t.due() != null) {
            sb.append(" 📅 ").append(t.due());
        }
        if (t.done() != null) {
            sb.append(" ✅ ").append(t.done());
        }
        if (t.status() == '-') {
            sb.append(" ❌ ").append(t.due() != null ? t.due() : TODAY.minusDays(40));
        }
        if (t.blockId() != null) {
            sb.append(" ^").append(t.blockId());
        }
        return sb.toString();
    }

    private static GenTask withOwner(GenTask t, String owner) {
        return new GenTask(t.text(), owner, t.status(), t.due(), t.priority(), t.done(), t.recurrence(), t.blockId(), t.created());
    }

    private static void paragraph(StringBuilder sb, SplittableRandom r, int sentences) {
        for (int s = 0; s < sentences; s++) {
            String sentence = pick(r, Pools.SENTENCES);
            if (!sentence.startsWith("-")) {
                sb.append(sentence).append(' ');
            }
        }
        sb.append("\n\n");
    }

    private static void bullets(StringBuilder sb, SplittableRandom r, GenMeeting m, int n) {
        for (int b = 0; b < n; b++) {
            sb.append("- ").append(pick(r, Pools.BULLETS)
                    .replace("%N", Integer.toString(r.nextInt(3, 400)))
                    .replace("%P", pick(r, m.participants()))
                    .replace("%Q", pick(r, m.participants()))).append('\n');
        }
    }

    /** A {@code ## Transcript (auto)} fenced block, long enough to bring the note to about {@code target} chars. */
    private static void padTranscript(StringBuilder sb, SplittableRandom r, GenMeeting m, int target, boolean oneOnOne) {
        if (sb.length() >= target) {
            return;
        }
        sb.append("\n## Transcript (auto)\n\n```text\n");
        int seconds = 0;
        while (sb.length() < target) {
            seconds += r.nextInt(2, 40);
            String speaker = r.nextInt(3) == 0 ? " Remote" : oneOnOne ? (r.nextBoolean() ? ME : m.person()) : pick(r, m.participants());
            sb.append('[');
            two(sb, seconds / 3600).append(':');
            two(sb, seconds / 60 % 60).append(':');
            two(sb, seconds % 60).append('.');
            two(sb, r.nextInt(100)).append("]  ").append(speaker);
            int n = r.nextInt(1, 5);
            for (int s = 0; s < n; s++) {
                sb.append(pick(r, Pools.SENTENCES)).append(' ');
            }
            sb.append("\n\n");
        }
        sb.append("```\n");
    }

    private static StringBuilder two(StringBuilder sb, int n) {
        return sb.append((char) ('0' + n / 10 % 10)).append((char) ('0' + n % 10));
    }

    private SplittableRandom rng(int i, int stream) {
        long h = seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
        return new SplittableRandom(h);
    }

    private static <T> T pick(SplittableRandom r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    static String firstName(String name) {
        int sp = name.indexOf(' ');
        return sp < 0 ? name : name.substring(0, sp);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** File names stay ASCII: a JVM under the C locale cannot open "Zoë.md". */
    static String ascii(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder sb = new StringBuilder(d.length());
        for (char c : d.toCharArray()) {
            sb.append(c == 'ø' ? 'o' : c == 'Ø' ? 'O' : c == 'ı' ? 'i' : c == '&' ? '+' : c < 0x80 && c != '/' && c != ':' ? c : '-');
        }
        return sb.toString();
    }

    private static String slug(String s) {
        return ascii(s).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
