package org.jobguard.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** A small {@link Moderation} for tests of the web layer alone; the store's adapter has its own tests. */
final class InMemoryModeration implements Moderation {
    final List<GroupRow> groups = Collections.synchronizedList(new ArrayList<>());
    final List<ReportRow> reports = Collections.synchronizedList(new ArrayList<>());
    final List<PatternRow> patterns = Collections.synchronizedList(new ArrayList<>());
    final Map<String, RuleCounts> counts = new ConcurrentHashMap<>();
    final List<ToggleRow> toggles = Collections.synchronizedList(new ArrayList<>());
    final List<String> decisions = Collections.synchronizedList(new ArrayList<>());

    GroupRow addGroup(long id, String text, String... rules) {
        GroupRow g = new GroupRow(id, Status.PENDING, text, List.of(rules), 3, "2026-11-01", "2026-11-20",
                List.of("zh-Hans"), List.of(new IndicatorCount("handle", 12)), 0, null);
        groups.add(g);
        patterns.add(new PatternRow(id * 10, id, "2026-11-20", "high", "zh-Hans", "bot", true, List.of(rules), text));
        return g;
    }

    @Override
    public List<GroupRow> queue(Status status, int offset, int limit) {
        synchronized (groups) {
            return groups.stream().filter(g -> g.status() == status).skip(offset).limit(limit).toList();
        }
    }

    @Override
    public long count(Status status) {
        synchronized (groups) {
            return groups.stream().filter(g -> g.status() == status).count();
        }
    }

    @Override
    public void decide(long groupId, Decision decision, String note, String moderator) {
        decisions.add(groupId + ":" + decision.id() + ":" + moderator);
        synchronized (groups) {
            for (int i = 0; i < groups.size(); i++) {
                GroupRow g = groups.get(i);
                if (g.id() == groupId) {
                    Status s = switch (decision) {
                        case CONFIRM -> Status.CONFIRMED;
                        case REJECT -> Status.REJECTED;
                        case NOTE -> g.status();
                    };
                    groups.set(i, new GroupRow(g.id(), s, g.redactedText(), g.rules(), g.size(), g.firstDay(),
                            g.lastDay(), g.languages(), g.indicators(),
                            g.confirmations() + (decision == Decision.CONFIRM ? 1 : 0), note == null ? g.note() : note));
                }
            }
        }
    }

    @Override
    public List<ReportRow> reports(int offset, int limit) {
        synchronized (reports) {
            return reports.stream().skip(offset).limit(limit).toList();
        }
    }

    @Override
    public List<RuleCounts> ruleCounts() {
        return List.copyOf(counts.values());
    }

    @Override
    public void toggleRule(String ruleId, boolean enabled, boolean shadow, String moderator) {
        toggles.add(0, new ToggleRow(ruleId, enabled, shadow, moderator, "2026-11-26T12:00:00Z"));
    }

    @Override
    public List<ToggleRow> toggleAudit(int limit) {
        synchronized (toggles) {
            return toggles.stream().limit(limit).toList();
        }
    }

    @Override
    public List<DayCount> perDay(int days) {
        return List.of(new DayCount("2026-11-25", 40, 12, 2), new DayCount("2026-11-26", 55, 20, 3));
    }

    @Override
    public List<CategoryCount> perCategory(int days) {
        return List.of(new CategoryCount("document_control", 9), new CategoryCount("risky_destination", 17));
    }

    @Override
    public long patternCount() {
        return patterns.size();
    }

    @Override
    public void eachPattern(Consumer<PatternRow> sink) {
        List.copyOf(patterns).forEach(sink);
    }

    @Override
    public boolean healthy() {
        return true;
    }
}
