package org.readmission.testing;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.readmission.protection.CaseKeyStore;

/** Per-case keys kept in memory, for unit tests of code that seals values under a case key. */
public final class InMemoryCaseKeyStore implements CaseKeyStore {

    private final Map<String, WrappedCaseKey> keys = new ConcurrentHashMap<>();

    @Override
    public Optional<WrappedCaseKey> find(String caseId) {
        return Optional.ofNullable(keys.get(caseId));
    }

    @Override
    public boolean create(WrappedCaseKey key) {
        return keys.putIfAbsent(key.caseId(), key) == null;
    }

    @Override
    public Map<String, WrappedCaseKey> findAll(Collection<String> caseIds) {
        Map<String, WrappedCaseKey> found = new HashMap<>();
        caseIds.forEach(caseId -> find(caseId).ifPresent(key -> found.put(caseId, key)));
        return found;
    }

    @Override
    public Set<String> createAll(List<WrappedCaseKey> created) {
        Set<String> stored = new HashSet<>();
        created.forEach(key -> {
            if (create(key)) {
                stored.add(key.caseId());
            }
        });
        return stored;
    }

    @Override
    public List<String> caseIdsWithKeys() {
        return keys.values().stream().filter(key -> !key.shredded()).map(WrappedCaseKey::caseId).toList();
    }

    @Override
    public boolean replaceWrapped(String caseId, byte[] expected, byte[] replacement) {
        WrappedCaseKey current = keys.get(caseId);
        return current != null && !current.shredded() && Arrays.equals(current.wrappedKeyset(), expected)
                && keys.replace(caseId, current, new WrappedCaseKey(caseId, replacement, current.createdAt(), null));
    }

    @Override
    public Instant markShredded(String caseId, Instant at) {
        return keys.compute(caseId, (id, key) -> key != null && key.shredded() ? key
                : new WrappedCaseKey(id, null, key == null ? at : key.createdAt(), at)).shreddedAt();
    }
}
