package io.followup.chat;

import io.followup.store.LinkStore;
import io.followup.tasks.Names;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The directory from what is already known, without asking the chat platform: stored links and the
 * chat user ids written in the people file. Chat adapters add their own lookups on top.
 */
public class LinkedDirectory implements Directory {

    protected final LinkStore links;
    protected final List<Contact> contacts;
    protected final Clock clock;
    /** Known links, user id -> person, kept a minute (every request asks who its user is); cleared on any link. */
    private final java.util.concurrent.ConcurrentHashMap<String, Cached> known = new java.util.concurrent.ConcurrentHashMap<>();
    private static final long KEEP_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);

    private record Cached(String person, long atNanos) {
    }

    public LinkedDirectory(LinkStore links, List<Contact> contacts, Clock clock) {
        this.links = links;
        this.contacts = List.copyOf(contacts);
        this.clock = clock;
    }

    @Override
    public Optional<String> personOf(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        Cached cached = known.get(userId);
        if (cached != null && System.nanoTime() - cached.atNanos() < KEEP_NANOS) {
            return Optional.of(cached.person());
        }
        Optional<LinkStore.Link> link = links.linkOf(userId);
        if (link.isPresent()) {
            if (known.size() > 10_000) {
                known.clear();
            }
            known.put(userId, new Cached(link.get().person(), System.nanoTime()));
            return Optional.of(link.get().person());
        }
        for (Contact c : contacts) {
            if (userId.equals(c.chatUserId())) {
                save(userId, c.name(), "people-file", null);
                return Optional.of(c.name());
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> userOf(String person) {
        if (person == null) {
            return Optional.empty();
        }
        for (Contact c : contacts) {
            if (c.chatUserId() != null && Names.same(c.name(), person)) {
                return Optional.of(c.chatUserId());
            }
        }
        return links.usersOf(person).stream().findFirst();
    }

    @Override
    public void link(String userId, String person, String linkedBy) {
        save(userId, person, "admin", linkedBy);
    }

    /** The contact whose name or alias matches (accents and case ignored). */
    protected Optional<Contact> contactNamed(String name) {
        String key = Names.key(name);
        return contacts.stream()
                .filter(c -> Names.key(c.name()).equals(key) || c.aliases().stream().anyMatch(a -> Names.key(a).equals(key)))
                .findFirst();
    }

    protected void save(String userId, String person, String source, String linkedBy) {
        known.clear();
        links.link(new LinkStore.Link(userId, person, source, linkedBy, clock.instant()));
    }
}
