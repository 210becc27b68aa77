package org.jobguard.web;

import org.jobguard.checker.RedFlag;
import org.jobguard.checker.Verdict;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters for {@code /metrics} in the Prometheus text format. No message text or user data goes in
 * a label: only channel, risk, category and a fixed error place.
 */
public final class ServiceMetrics {
    private static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

    private final Map<String, LongAdder> checks = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> flags = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> replies = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rateLimited = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();
    private final java.util.List<Counted> counted = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final LongAdder[] bucketCounts = new LongAdder[BUCKETS.length];
    private final LongAdder latencyCount = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();

    public ServiceMetrics() {
        for (int i = 0; i < BUCKETS.length; i++) {
            bucketCounts[i] = new LongAdder();
        }
    }

    /** @param channel a fixed word such as {@code web}, {@code api}, {@code telegram} */
    public void checked(String channel, Verdict verdict, long nanos) {
        add(checks, "channel=\"" + channel + "\",risk=\"" + verdict.risk().id() + "\"");
        for (RedFlag f : verdict.flags()) {
            add(flags, "category=\"" + f.category().id() + "\"");
        }
        double seconds = nanos / 1e9;
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                bucketCounts[i].increment();
            }
        }
        latencyCount.increment();
        latencyNanos.add(nanos);
    }

    public void replied(String channel) {
        add(replies, "channel=\"" + channel + "\"");
    }

    /** @param where a fixed word naming the place, such as {@code web} or {@code telegram_send} */
    public void failed(String where) {
        add(errors, "where=\"" + where + "\"");
    }

    /** @param reason a fixed word naming why a request was turned away, such as {@code body_too_large} */
    public void refused(String reason) {
        add(refusals, "reason=\"" + reason + "\"");
    }

    /**
     * @param entry a fixed word naming the entry point, such as {@code try_it} or {@code api_check}
     * @param scope {@code client} (one client's allowance was spent) or {@code all_clients}
     */
    public void rateLimited(String entry, String scope) {
        add(rateLimited, "entry=\"" + entry + "\",scope=\"" + scope + "\"");
    }

    /**
     * Something that was answered but deliberately not kept.
     *
     * @param what   a fixed word naming what was dropped, such as {@code pattern}
     * @param reason a fixed word naming why, such as {@code store_allowance}
     */
    public void dropped(String what, String reason) {
        add(dropped, "what=\"" + what + "\",reason=\"" + reason + "\"");
    }

    /** A counter kept by another part (the bot), printed with these. */
    private record Counted(String name, String help, java.util.function.Supplier<Map<String, Long>> values) {
    }

    /**
     * Prints another part's counters as {@code name}, such as the bot's failed and skipped updates.
     *
     * @param values the current values by their labels ({@code event="update_skipped"})
     */
    public void countFrom(String name, String help, java.util.function.Supplier<Map<String, Long>> values) {
        counted.add(new Counted(name, help, values));
    }

    public String prometheusText() {
        StringBuilder sb = new StringBuilder(2048);
        counter(sb, "jobguard_checks_total", "Messages checked, by channel and risk.", checks);
        counter(sb, "jobguard_flags_total", "Red flags raised, by category.", flags);
        counter(sb, "jobguard_replies_total", "Replies sent, by channel.", replies);
        counter(sb, "jobguard_errors_total", "Errors, by place.", errors);
        counter(sb, "jobguard_refused_total", "Requests turned away to protect the service, by reason.", refusals);
        counter(sb, "jobguard_rate_limited_total", "Requests answered 429 by a rate limit, by entry point and scope.",
                rateLimited);
        counter(sb, "jobguard_dropped_total", "Things answered but not kept, by what and why.", dropped);
        for (Counted c : counted) {
            sb.append("# HELP ").append(c.name()).append(' ').append(c.help()).append('\n');
            sb.append("# TYPE ").append(c.name()).append(" counter\n");
            new TreeMap<>(c.values().get()).forEach((labels, v) ->
                    sb.append(c.name()).append('{').append(labels).append("} ").append(v).append('\n'));
        }
        sb.append("# HELP jobguard_check_seconds Time to check one message.\n");
        sb.append("# TYPE jobguard_check_seconds histogram\n");
        for (int i = 0; i < BUCKETS.length; i++) {
            sb.append("jobguard_check_seconds_bucket{le=\"").append(BUCKETS[i]).append("\"} ")
                    .append(bucketCounts[i].sum()).append('\n');
        }
        sb.append("jobguard_check_seconds_bucket{le=\"+Inf\"} ").append(latencyCount.sum()).append('\n');
        sb.append("jobguard_check_seconds_sum ").append(latencyNanos.sum() / 1e9).append('\n');
        sb.append("jobguard_check_seconds_count ").append(latencyCount.sum()).append('\n');
        return sb.toString();
    }

    private static void add(Map<String, LongAdder> map, String labels) {
        map.computeIfAbsent(labels, k -> new LongAdder()).increment();
    }

    private static void counter(StringBuilder sb, String name, String help, Map<String, LongAdder> values) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(" counter\n");
        new TreeMap<>(values).forEach((labels, v) ->
                sb.append(name).append('{').append(labels).append("} ").append(v.sum()).append('\n'));
    }
}
