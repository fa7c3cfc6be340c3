package io.followup.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who is who in chat: links from a chat user id to a person, the cached workspace directory, and the
 * keys of requests already processed (so a retried or repeated request applies once).
 */
public final class LinkStore {

    /** A chat user linked to a person; source says how (people-file, email, directory, admin). */
    public record Link(String userId, String person, String source, String linkedBy, Instant linkedAt) {
    }

    /** A workspace user as the directory last described them. */
    public record DirectoryUser(String userId, String realName, String displayName, String email, boolean bot,
                                boolean deleted, Instant refreshedAt) {
    }

    private final Database db;

    public LinkStore(Database db) {
        this.db = db;
    }

    public Optional<Link> linkOf(String userId) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT user_id, person, source, linked_by, linked_at FROM chat_links WHERE user_id = :u")
                .bind("u", userId)
                .map((rs, ctx) -> new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Instant.parse(rs.getString(5))))
                .findOne());
    }

    /** Users linked to the person (names compared ignoring case). */
    public List<String> usersOf(String person) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT user_id FROM chat_links WHERE person = :p COLLATE NOCASE ORDER BY source = 'admin' DESC, linked_at DESC")
                .bind("p", person).mapTo(String.class).list());
    }

    public List<Link> links() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT user_id, person, source, linked_by, linked_at FROM chat_links ORDER BY person")
                .map((rs, ctx) -> new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Instant.parse(rs.getString(5))))
                .list());
    }

    /** Links (or relinks) a user; an admin link is never replaced by an automatic one. */
    public void link(Link link) {
        db.useWrite(h -> h.createUpdate("""
                        INSERT INTO chat_links(user_id, person, source, linked_by, linked_at) VALUES (:u, :p, :s, :b, :at)
                        ON CONFLICT(user_id) DO UPDATE SET person = excluded.person, source = excluded.source,
                               linked_by = excluded.linked_by, linked_at = excluded.linked_at
                         WHERE chat_links.source <> 'admin' OR excluded.source = 'admin'""")
                .bind("u", link.userId()).bind("p", link.person()).bind("s", link.source())
                .bind("b", link.linkedBy()).bind("at", link.linkedAt().toString())
                .execute());
    }

    public Optional<DirectoryUser> directoryUser(String userId) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT user_id, real_name, display_name, email, is_bot, deleted, refreshed_at FROM chat_users WHERE user_id = :u")
                .bind("u", userId).map((rs, ctx) -> new DirectoryUser(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5) != 0, rs.getInt(6) != 0, Instant.parse(rs.getString(7))))
                .findOne());
    }

    public List<DirectoryUser> directory() {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT user_id, real_name, display_name, email, is_bot, deleted, refreshed_at FROM chat_users")
                .map((rs, ctx) -> new DirectoryUser(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5) != 0, rs.getInt(6) != 0, Instant.parse(rs.getString(7))))
                .list());
    }

    public void saveDirectory(List<DirectoryUser> users) {
        db.useWrite(h -> {
            var batch = h.prepareBatch("""
                    INSERT INTO chat_users(user_id, real_name, display_name, email, is_bot, deleted, refreshed_at)
                    VALUES (:u, :r, :d, :e, :b, :x, :at)
                    ON CONFLICT(user_id) DO UPDATE SET real_name = excluded.real_name, display_name = excluded.display_name,
                           email = excluded.email, is_bot = excluded.is_bot, deleted = excluded.deleted,
                           refreshed_at = excluded.refreshed_at""");
            for (DirectoryUser u : users) {
                batch.bind("u", u.userId()).bind("r", u.realName()).bind("d", u.displayName()).bind("e", u.email())
                        .bind("b", u.bot() ? 1 : 0).bind("x", u.deleted() ? 1 : 0).bind("at", u.refreshedAt().toString()).add();
            }
            if (!users.isEmpty()) {
                batch.execute();
            }
        });
    }

    /** Claims a request key; false when it was claimed before (a retry or a duplicate). */
    public boolean claim(String key, Instant at) {
        return db.write(h -> h.createUpdate("INSERT OR IGNORE INTO processed_requests(key, at) VALUES (:k, :at)")
                .bind("k", key).bind("at", at.toString()).execute()) == 1;
    }

    /** Forgets keys older than the cutoff (Slack retries within minutes). */
    public int forgetKeysBefore(Instant cutoff) {
        return db.write(h -> h.createUpdate("DELETE FROM processed_requests WHERE at < :c")
                .bind("c", cutoff.toString()).execute());
    }
}
