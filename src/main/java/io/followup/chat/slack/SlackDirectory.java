package io.followup.chat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.users.UsersListResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import com.slack.api.model.User;
import io.followup.chat.Contact;
import io.followup.chat.LinkedDirectory;
import io.followup.store.LinkStore;
import io.followup.tasks.Names;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links Slack users to people: the people file (slack id, or email via users.lookupByEmail), else the
 * workspace directory (real name or display name, accents and case ignored). The directory is cached
 * in the store and refreshed in the background, so a request costs at most one users.info per new user.
 */
public final class SlackDirectory extends LinkedDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(SlackDirectory.class);
    private static final Duration STALE = Duration.ofHours(12);

    private final MethodsClient client;
    private final Supplier<Collection<String>> knownNames;
    /** The stored directory with its users' name keys, as of a count of this class's saves (only it writes users). */
    private volatile DirectoryIndex index;
    private final AtomicLong saves = new AtomicLong();

    public SlackDirectory(LinkStore links, List<Contact> contacts, Supplier<Collection<String>> knownNames,
                          SlackConnection connection, Clock clock) {
        super(links, contacts, clock);
        this.client = connection.methods();
        this.knownNames = knownNames;
    }

    @Override
    public Optional<String> personOf(String userId) {
        Optional<String> known = super.personOf(userId);
        if (known.isPresent() || userId == null || userId.isBlank()) {
            return known;
        }
        Optional<LinkStore.DirectoryUser> cached = links.directoryUser(userId);
        if (cached.isEmpty() || cached.get().refreshedAt().isBefore(clock.instant().minus(STALE))) {
            cached = fetch(userId).or(() -> links.directoryUser(userId));
        }
        return cached.flatMap(u -> linkByDirectory(u, names()));
    }

    @Override
    public Optional<String> userOf(String person) {
        Optional<String> known = super.userOf(person);
        if (known.isPresent() || person == null) {
            return known;
        }
        // Only users whose email or name could be this person's are matched in full: the daily scheduler asks for
        // every owner with something due, and most have no chat user (the task owners are read once, then).
        List<LinkStore.DirectoryUser> candidates = directoryIndex().candidates(person, contacts);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> names = names();
        for (LinkStore.DirectoryUser u : candidates) {
            Optional<String> p = match(u, names);
            if (p.isPresent() && Names.same(p.get(), person)) {
                save(u.userId(), p.get(), "directory", null);
                return Optional.of(u.userId());
            }
        }
        return Optional.empty();
    }

    private DirectoryIndex directoryIndex() {
        DirectoryIndex i = index;
        if (i == null || i.saves != saves.get()) {
            i = new DirectoryIndex(saves.get(), links.directory()); // the count first: a save meanwhile makes it stale
            index = i;
        }
        return i;
    }

    private void saveDirectory(List<LinkStore.DirectoryUser> users) {
        try {
            links.saveDirectory(users);
        } finally {
            saves.incrementAndGet();
        }
    }

    /** Reads the whole workspace directory (users.list, paged) and links everyone who matches a person. */
    public int refresh() {
        List<LinkStore.DirectoryUser> users = new ArrayList<>();
        String cursor = null;
        try {
            do {
                String c = cursor;
                UsersListResponse r = client.usersList(q -> q.limit(200).cursor(c));
                if (!r.isOk()) {
                    LOG.warn("users.list failed: {}", r.getError());
                    break;
                }
                r.getMembers().forEach(m -> users.add(toDirectoryUser(m)));
                cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
            } while (cursor != null && !cursor.isBlank());
        } catch (Exception e) {
            LOG.warn("users.list failed: {}", e.toString());
        }
        saveDirectory(users);
        Map<String, String> names = names();
        int linked = 0;
        for (LinkStore.DirectoryUser u : users) {
            if (links.linkOf(u.userId()).isEmpty() && linkByDirectory(u, names).isPresent()) {
                linked++;
            }
        }
        linked += linkContactsByEmail(users);
        return linked;
    }

    private int linkContactsByEmail(List<LinkStore.DirectoryUser> users) {
        int linked = 0;
        for (Contact c : contacts) {
            if (c.email() == null || c.chatUserId() != null) {
                continue;
            }
            boolean inDirectory = users.stream().anyMatch(u -> c.email().equalsIgnoreCase(u.email()));
            if (!inDirectory) {
                try {
                    UsersLookupByEmailResponse r = client.usersLookupByEmail(q -> q.email(c.email()));
                    if (r.isOk() && r.getUser() != null) {
                        saveDirectory(List.of(toDirectoryUser(r.getUser())));
                        save(r.getUser().getId(), c.name(), "email", null);
                        linked++;
                    }
                } catch (Exception e) {
                    LOG.warn("users.lookupByEmail failed for a people-file entry: {}", e.toString());
                }
            }
        }
        return linked;
    }

    private Optional<LinkStore.DirectoryUser> fetch(String userId) {
        try {
            UsersInfoResponse r = client.usersInfo(q -> q.user(userId));
            if (r.isOk() && r.getUser() != null) {
                LinkStore.DirectoryUser u = toDirectoryUser(r.getUser());
                saveDirectory(List.of(u));
                return Optional.of(u);
            }
            LOG.warn("users.info {} failed: {}", userId, r.getError());
        } catch (Exception e) {
            LOG.warn("users.info {} failed: {}", userId, e.toString());
        }
        return Optional.empty();
    }

    private Optional<String> linkByDirectory(LinkStore.DirectoryUser u, Map<String, String> names) {
        Optional<String> person = match(u, names);
        person.ifPresent(p -> save(u.userId(), p, u.email() != null && contactByEmail(u.email()).isPresent() ? "email" : "directory", null));
        return person;
    }

    /** Email (people file) first, then real name, then display name. */
    private Optional<String> match(LinkStore.DirectoryUser u, Map<String, String> names) {
        if (u.bot() || u.deleted()) {
            return Optional.empty();
        }
        if (u.email() != null) {
            Optional<Contact> byEmail = contactByEmail(u.email());
            if (byEmail.isPresent()) {
                return Optional.of(byEmail.get().name());
            }
        }
        for (String n : new String[] {u.realName(), u.displayName()}) {
            String person = n == null ? null : names.get(Names.key(n));
            if (person != null) {
                return Optional.of(person);
            }
        }
        return Optional.empty();
    }

    private Optional<Contact> contactByEmail(String email) {
        return contacts.stream().filter(c -> c.email() != null && c.email().equalsIgnoreCase(email)).findFirst();
    }

    /** Name key -> person name, from the people file (names and aliases) and the task owners. */
    private Map<String, String> names() {
        Map<String, String> out = new HashMap<>();
        for (String owner : knownNames.get()) {
            out.putIfAbsent(Names.key(owner), owner);
        }
        for (Contact c : contacts) {
            out.put(Names.key(c.name()), c.name());
            c.aliases().forEach(a -> out.put(Names.key(a), c.name()));
        }
        return out;
    }

    private LinkStore.DirectoryUser toDirectoryUser(User m) {
        User.Profile p = m.getProfile();
        String real = m.getRealName() != null ? m.getRealName() : p == null ? null : p.getRealName();
        return new LinkStore.DirectoryUser(m.getId(), real, p == null ? null : p.getDisplayName(), p == null ? null : p.getEmail(),
                m.isBot(), m.isDeleted(), clock.instant());
    }

    /**
     * The directory in its stored order, and for each name key (real or display name) and email the users who have it:
     * the users {@link #match} could give a person are found without keying every user's names again.
     */
    private static final class DirectoryIndex {
        private final long saves;
        private final List<LinkStore.DirectoryUser> users;
        private final Map<String, List<Integer>> byKey = new HashMap<>();

        DirectoryIndex(long saves, List<LinkStore.DirectoryUser> users) {
            this.saves = saves;
            this.users = users;
            for (int i = 0; i < users.size(); i++) {
                LinkStore.DirectoryUser u = users.get(i);
                for (String n : new String[] {u.realName(), u.displayName()}) {
                    if (n != null) {
                        byKey.computeIfAbsent(Names.key(n), k -> new ArrayList<>()).add(i);
                    }
                }
                if (u.email() != null) {
                    byKey.computeIfAbsent("email:" + u.email().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
                }
            }
        }

        /** Users, in directory order, named as the person (or an alias of theirs) or with their people-file email. */
        List<LinkStore.DirectoryUser> candidates(String person, List<Contact> contacts) {
            SortedSet<Integer> at = new TreeSet<>(byKey.getOrDefault(Names.key(person), List.of()));
            for (Contact c : contacts) {
                if (Names.same(c.name(), person)) {
                    c.aliases().forEach(a -> at.addAll(byKey.getOrDefault(Names.key(a), List.of())));
                    if (c.email() != null) {
                        at.addAll(byKey.getOrDefault("email:" + c.email().toLowerCase(Locale.ROOT), List.of()));
                    }
                }
            }
            return at.stream().map(users::get).toList();
        }
    }
}
