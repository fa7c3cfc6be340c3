package io.followup.chat.slack;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.stream.JsonWriter;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.block.element.UsersSelectElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The JSON of the messages Followup answers with (a slash command's ack, a response_url post), character for
 * character what the SDK's snake_case Gson writes (MessageJsonTest compares them), written straight through a
 * {@link JsonWriter}, field by field in the SDK classes' order.
 *
 * <p>Why not Gson: its reflective writer looked up each field's runtime type and adapter and read the field by
 * reflection, through call sites shared with every other type Bolt and the SDK read and write, so the JIT could not
 * make them fast. In profiles of the Slack benchmark it was 10-20% of serve's sampled Java CPU: the largest single
 * cost of a Done click's redrawn card and of a {@code /tasks} answer.
 *
 * <p>Only the blocks, elements and fields {@link BlockKitRenderer} uses are written here; a message with anything else
 * (another block type, an accessory, a confirm dialog, attachments) is written by Gson, so nothing is ever dropped.
 */
final class MessageJson {

    private static final Gson GSON = new GsonBuilder().setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();

    /** Something this writer does not know: the whole message goes to Gson instead. */
    private static final class NotKnown extends RuntimeException {
        NotKnown() {
            super(null, null, false, false);
        }
    }

    private MessageJson() {
    }

    static String of(ActionResponse m) {
        return message(m, w -> {
            string(w, "response_type", m.getResponseType());
            string(w, "text", m.getText());
            w.name("replace_original").value(m.isReplaceOriginal());
            w.name("delete_original").value(m.isDeleteOriginal());
            known(m.getAttachments() == null);
            array(w, "blocks", m.getBlocks(), MessageJson::block);
            known(m.getMetadata() == null);
            string(w, "thread_ts", m.getThreadTs());
        });
    }

    static String of(SlashCommandResponse m) {
        return message(m, w -> {
            string(w, "response_type", m.getResponseType());
            string(w, "text", m.getText());
            known(m.getAttachments() == null);
            array(w, "blocks", m.getBlocks(), MessageJson::block);
            known(m.getMetadata() == null);
            string(w, "thread_ts", m.getThreadTs());
        });
    }

    /** Writes a message's fields; throws {@link NotKnown} at anything it does not know. */
    @FunctionalInterface
    private interface Fields {
        void write(JsonWriter w) throws IOException;
    }

    /** Writes one part of a message (a block, an element, an option); throws {@link NotKnown} at anything it does not know. */
    @FunctionalInterface
    private interface Part<T> {
        void write(JsonWriter w, T value) throws IOException;
    }

    /** The message as one JSON object written by {@code fields}, or by Gson when they meet something not known here. */
    private static String message(Object message, Fields fields) {
        try {
            Chars out = new Chars();
            JsonWriter w = writer(out);
            w.beginObject();
            fields.write(w);
            w.endObject();
            return out.toString();
        } catch (NotKnown e) {
            return GSON.toJson(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Writer over a StringBuilder, as Gson's toJson writes to: a StringWriter's StringBuffer takes a lock on every
     * write, which made this writer slower than Gson's in a microbenchmark of a redrawn card (88 against 49 µs).
     */
    private static final class Chars extends Writer {
        private final StringBuilder text = new StringBuilder(8192);

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String s, int offset, int length) {
            text.append(s, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** As Gson's toJson makes it: HTML characters escaped as \\u003c and so on, nulls left out. */
    private static JsonWriter writer(Writer out) {
        JsonWriter w = new JsonWriter(out);
        w.setHtmlSafe(true);
        w.setSerializeNulls(false);
        return w;
    }

    private static void block(JsonWriter w, LayoutBlock block) throws IOException {
        w.beginObject();
        if (block instanceof SectionBlock s && s.getClass() == SectionBlock.class) {
            string(w, "type", s.getType());
            text(w, "text", s.getText());
            string(w, "block_id", s.getBlockId());
            known(s.getFields() == null && s.getAccessory() == null && s.getExpand() == null);
        } else if (block instanceof ActionsBlock a && a.getClass() == ActionsBlock.class) {
            string(w, "type", a.getType());
            array(w, "elements", a.getElements(), MessageJson::element);
            string(w, "block_id", a.getBlockId());
        } else if (block instanceof ContextBlock c && c.getClass() == ContextBlock.class) {
            string(w, "type", c.getType());
            array(w, "elements", c.getElements(), MessageJson::text);
            string(w, "block_id", c.getBlockId());
        } else if (block instanceof DividerBlock d && d.getClass() == DividerBlock.class) {
            string(w, "type", d.getType());
            string(w, "block_id", d.getBlockId());
        } else {
            throw new NotKnown();
        }
        w.endObject();
    }

    private static void element(JsonWriter w, Object element) throws IOException {
        w.beginObject();
        if (element instanceof ButtonElement b && b.getClass() == ButtonElement.class) {
            string(w, "type", b.getType());
            text(w, "text", b.getText());
            string(w, "action_id", b.getActionId());
            string(w, "url", b.getUrl());
            string(w, "value", b.getValue());
            string(w, "style", b.getStyle());
            known(b.getConfirm() == null);
            string(w, "accessibility_label", b.getAccessibilityLabel());
        } else if (element instanceof StaticSelectElement s && s.getClass() == StaticSelectElement.class) {
            string(w, "type", s.getType());
            text(w, "placeholder", s.getPlaceholder());
            string(w, "action_id", s.getActionId());
            array(w, "options", s.getOptions(), MessageJson::option);
            known(s.getOptionGroups() == null && s.getInitialOption() == null && s.getConfirm() == null);
            bool(w, "focus_on_load", s.getFocusOnLoad());
        } else if (element instanceof UsersSelectElement u && u.getClass() == UsersSelectElement.class) {
            string(w, "type", u.getType());
            text(w, "placeholder", u.getPlaceholder());
            string(w, "action_id", u.getActionId());
            string(w, "initial_user", u.getInitialUser());
            known(u.getConfirm() == null);
            bool(w, "focus_on_load", u.getFocusOnLoad());
        } else {
            throw new NotKnown();
        }
        w.endObject();
    }

    private static void option(JsonWriter w, OptionObject o) throws IOException {
        known(o.getClass() == OptionObject.class);
        w.beginObject();
        text(w, "text", o.getText());
        string(w, "value", o.getValue());
        text(w, "description", o.getDescription());
        string(w, "url", o.getUrl());
        w.endObject();
    }

    private static void text(JsonWriter w, Object text) throws IOException {
        w.beginObject();
        if (text instanceof MarkdownTextObject m && m.getClass() == MarkdownTextObject.class) {
            string(w, "type", m.getType());
            string(w, "text", m.getText());
            bool(w, "verbatim", m.getVerbatim());
        } else if (text instanceof PlainTextObject p && p.getClass() == PlainTextObject.class) {
            string(w, "type", p.getType());
            string(w, "text", p.getText());
            bool(w, "emoji", p.getEmoji());
        } else {
            throw new NotKnown();
        }
        w.endObject();
    }

    /** A text object field, when there is one. */
    private static void text(JsonWriter w, String name, Object value) throws IOException {
        if (value != null) {
            w.name(name);
            text(w, value);
        }
    }

    /** An array field, when there is one. */
    private static <T> void array(JsonWriter w, String name, List<? extends T> values, Part<T> part) throws IOException {
        if (values != null) {
            w.name(name).beginArray();
            for (T value : values) {
                part.write(w, value);
            }
            w.endArray();
        }
    }

    private static void string(JsonWriter w, String name, String value) throws IOException {
        if (value != null) {
            w.name(name).value(value);
        }
    }

    private static void bool(JsonWriter w, String name, Boolean value) throws IOException {
        if (value != null) {
            w.name(name).value(value);
        }
    }

    private static void known(boolean condition) {
        if (!condition) {
            throw new NotKnown();
        }
    }
}
