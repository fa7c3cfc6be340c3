package io.followup.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text after /tasks or /meetings into a {@link Command}. Mentions may come as chat user
 * references ({@code <@U123>} or {@code <@U123|name>}) or as typed names ({@code @Tomás Ortega}).
 */
public final class CommandParser {

    /** Longest command text taken; the rest is ignored (Slack allows a few thousand characters). */
    public static final int MAX_TEXT = 1000;

    private static final Pattern MENTION = Pattern.compile("<@([A-Za-z0-9_.-]+)(?:\\|([^>]*))?>");

    public Command parseTasks(String text) {
        String s = clean(text);
        if (s.isEmpty()) {
            return new Command.MyTasks();
        }
        String[] words = s.split(" ", 2);
        String head = words[0].toLowerCase(Locale.ROOT);
        String rest = words.length > 1 ? words[1].strip() : "";
        if (head.startsWith("<@") || head.startsWith("@")) {
            return new Command.OwnerTasks(person(s));
        }
        return switch (head) {
            case "mine", "my", "me", "list" -> new Command.MyTasks();
            case "overdue", "late" -> new Command.Overdue(hasMine(rest));
            case "due" -> due(rest);
            case "today" -> new Command.Due(Command.Window.TODAY, hasMine(rest));
            case "tomorrow" -> new Command.Due(Command.Window.TOMORROW, hasMine(rest));
            case "week" -> new Command.Due(Command.Window.WEEK, hasMine(rest));
            case "owner", "for", "of" -> rest.isEmpty() ? help("Say whose tasks, e.g. /tasks owner Tomás.") : new Command.OwnerTasks(person(rest));
            case "meeting" -> rest.isEmpty() ? help("Say which meeting, e.g. /tasks meeting weekly sync.") : new Command.MeetingTasks(rest);
            case "search", "find" -> rest.isEmpty() ? help("Say what to look for, e.g. /tasks search contract.") : new Command.Search(rest);
            case "done", "complete", "close" -> ids(rest).isEmpty() ? help("Say which task, e.g. /tasks done k3f9x2ab.") : new Command.Done(ids(rest));
            case "undo", "reopen" -> oneId(rest, "undo", id -> new Command.Undo(id));
            case "accept" -> oneId(rest, "accept", id -> new Command.Accept(id));
            case "decline", "reject" -> oneId(rest, "decline", id -> new Command.Decline(id));
            case "history", "log" -> oneId(rest, "history", id -> new Command.History(id));
            case "snooze", "defer", "postpone" -> snooze(rest);
            case "assign", "reassign", "give" -> assign(rest);
            case "whoami", "me?" -> new Command.WhoAmI();
            case "link" -> link(rest);
            case "reminders", "reminder" -> new Command.Reminders(rest);
            case "digest", "delivery", "outbox" -> new Command.Digest();
            case "help", "?", "-h", "--help" -> new Command.Help(null);
            default -> new Command.Help("I don't know \"" + shorten(words[0]) + "\".");
        };
    }

    public Command parseMeetings(String text) {
        String s = clean(text);
        return new Command.Meetings(s.equalsIgnoreCase("recent") ? "" : s);
    }

    private static Command due(String rest) {
        String[] w = rest.toLowerCase(Locale.ROOT).split(" ");
        boolean mine = hasMine(rest);
        for (String word : w) {
            switch (word) {
                case "today": return new Command.Due(Command.Window.TODAY, mine);
                case "tomorrow": return new Command.Due(Command.Window.TOMORROW, mine);
                case "week", "7d": return new Command.Due(Command.Window.WEEK, mine);
                default: break;
            }
        }
        return new Command.Due(Command.Window.WEEK, mine);
    }

    private static Command snooze(String rest) {
        String[] w = rest.split(" ", 2);
        if (rest.isEmpty() || w.length < 2) {
            return help("Say which task and until when, e.g. /tasks snooze k3f9x2ab +3d (or tomorrow, monday, 2026-03-05).");
        }
        return new Command.Snooze(id(w[0]), w[1].strip());
    }

    private static Command assign(String rest) {
        String[] w = rest.split(" ", 2);
        if (rest.isEmpty() || w.length < 2) {
            return help("Say which task and to whom, e.g. /tasks assign k3f9x2ab @someone.");
        }
        String who = w[1].strip();
        if (who.toLowerCase(Locale.ROOT).startsWith("to ")) {
            who = who.substring(3).strip();
        }
        return new Command.Assign(id(w[0]), person(who));
    }

    private static Command link(String rest) {
        Matcher m = MENTION.matcher(rest);
        if (!m.lookingAt()) {
            return help("Link a chat user to a person: /tasks link @user Full Name.");
        }
        String name = rest.substring(m.end()).strip();
        if (name.isEmpty()) {
            return help("Say who they are: /tasks link @user Full Name.");
        }
        return new Command.Link(PersonRef.user(m.group(1), m.group(2)), name);
    }

    private interface IdCommand {
        Command make(String id);
    }

    private static Command oneId(String rest, String verb, IdCommand make) {
        List<String> ids = ids(rest);
        return ids.isEmpty() ? help("Say which task, e.g. /tasks " + verb + " k3f9x2ab.") : make.make(ids.get(0));
    }

    static PersonRef person(String text) {
        String s = text.strip();
        Matcher m = MENTION.matcher(s);
        if (m.lookingAt()) {
            return PersonRef.user(m.group(1), m.group(2));
        }
        if (s.startsWith("@")) {
            s = s.substring(1);
        }
        return PersonRef.named(s.strip());
    }

    private static List<String> ids(String rest) {
        List<String> out = new ArrayList<>();
        Arrays.stream(rest.split("[\\s,;]+")).map(CommandParser::id).filter(s -> !s.isEmpty()).distinct().forEach(out::add);
        return out;
    }

    private static String id(String raw) {
        return raw.strip().replaceAll("^[\\[(`]+|[\\])`.,;:]+$", "").toLowerCase(Locale.ROOT);
    }

    private static boolean hasMine(String rest) {
        return Arrays.stream(rest.toLowerCase(Locale.ROOT).split(" ")).anyMatch(w -> w.equals("mine") || w.equals("me"));
    }

    private static Command help(String problem) {
        return new Command.Help(problem);
    }

    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        String s = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        return s.replaceAll("[\\p{Cntrl}\\s\\u00A0]+", " ").strip();
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
