package org.jobguard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.jobguard.checker.RedFlagChecker;
import org.jobguard.checker.Rule;
import org.jobguard.contacts.HelpDirectory;
import org.jobguard.patterns.CheckCount;
import org.jobguard.patterns.DailyCount;
import org.jobguard.patterns.GroupStatus;
import org.jobguard.patterns.GroupSummary;
import org.jobguard.patterns.PatternExport;
import org.jobguard.patterns.PatternService;
import org.jobguard.patterns.PatternStore;
import org.jobguard.patterns.ReportSummary;
import org.jobguard.patterns.RuleStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The moderator dashboard and its JSON API on the pattern store: review queue, reports, rule table with live
 * toggles, charts and streamed exports. Every route here is {@link Access#MODERATOR}; the gate checks login
 * and CSRF.
 */
public final class Dashboard {
    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);
    static final int PAGE_SIZE = 50;
    private static final int STATS_DAYS = 30;
    private static final int MAX_NOTE = 2000;
    private static final int REPORTS_SHOWN = 200;

    /** Rule statistics cover the whole stored history; the purge job bounds it. */
    private static final int RULE_STATS_DAYS = 3660;

    private final PatternService patterns;
    private final PatternStore store;
    private final RedFlagChecker checker;
    private final HelpDirectory directory;
    private final Pages pages;
    private final ObjectMapper json;
    private final Clock clock;
    private final RuleLabels labels;

    Dashboard(PatternService patterns, RedFlagChecker checker, HelpDirectory directory, Pages pages, ObjectMapper json,
              Clock clock) {
        this.patterns = patterns;
        this.directory = directory;
        this.store = patterns.queries();
        this.checker = checker;
        this.pages = pages;
        this.json = json;
        this.clock = clock;
        this.labels = new RuleLabels(checker::rules);
    }

    void register(RoutesConfig r) {
        r.get("/admin", this::queue, Access.MODERATOR);
        r.post("/admin/groups/{id}", this::decide, Access.MODERATOR);
        r.get("/admin/reports", this::reports, Access.MODERATOR);
        r.get("/admin/rules", this::rules, Access.MODERATOR);
        r.post("/admin/rules/{id}", this::toggle, Access.MODERATOR);
        r.get("/admin/stats", this::stats, Access.MODERATOR);
        r.get("/admin/export", this::exportPage, Access.MODERATOR);
        r.get("/admin/contacts", this::staleContacts, Access.MODERATOR);
        r.get("/admin/export/patterns.csv", this::patternsCsv, Access.MODERATOR);
        r.get("/admin/export/patterns.json", this::patternsJson, Access.MODERATOR);
        r.get("/admin/export/stats.csv", this::statsCsv, Access.MODERATOR);
        r.get("/api/patterns", this::apiPatterns, Access.MODERATOR);
        r.get("/api/stats", this::apiStats, Access.MODERATOR);
        r.get("/api/rules", this::apiRules, Access.MODERATOR);
    }

    // ---- queue

    /**
     * The queue page's model; one row more than a page is read to know whether a next page exists.
     *
     * @param done the decision just taken, which the page confirms
     */
    public record QueueView(GroupStatus status, List<GroupSummary> groups, boolean hasNext, int offset, int pageSize,
                            Optional<Done> done) {
        public boolean hasPrevious() {
            return offset > 0;
        }

        public List<String> statuses() {
            return List.of("pending", "confirmed", "rejected");
        }
    }

    /** A decision on a group, said back to the moderator after the redirect. */
    public record Done(String decision, long group) {
        private static final List<String> DECISIONS = List.of("confirm", "reject", "note");

        static Optional<Done> from(String decision, String group) {
            if (decision == null || !DECISIONS.contains(decision) || group == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Done(decision, Long.parseLong(group)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private static GroupStatus status(String id) {
        for (GroupStatus s : GroupStatus.values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return GroupStatus.PENDING;
    }

    private void queue(Context ctx) {
        GroupStatus status = status(ctx.queryParam("status"));
        int offset = nonNegative(ctx.queryParam("offset"));
        List<GroupSummary> groups = store.dashboard().groups(status, PAGE_SIZE + 1, offset);
        boolean hasNext = groups.size() > PAGE_SIZE;
        pages.render(ctx, "admin_queue.jte", pages.page(ctx, Optional.empty()), "view",
                new QueueView(status, hasNext ? groups.subList(0, PAGE_SIZE) : groups, hasNext, offset, PAGE_SIZE,
                        Done.from(ctx.queryParam("done"), ctx.queryParam("group"))), "labels", labels);
    }

    private void decide(Context ctx) {
        long id = id(ctx);
        FormBody form = WebServer.form(ctx);
        String decision = form.get("decision").orElse("");
        String note = form.get("note").map(String::strip).filter(n -> !n.isEmpty())
                .map(n -> n.length() > MAX_NOTE ? n.substring(0, MAX_NOTE) : n).orElse(null);
        if (store.dashboard().group(id).isEmpty()) {
            throw new BadInput("web.admin.no_such_group");
        }
        switch (decision) {
            case "confirm" -> patterns.confirm(id, moderator(ctx), note);
            case "reject" -> patterns.reject(id, moderator(ctx), note);
            case "note" -> {
                if (note == null) {
                    throw new BadInput("web.admin.note_empty");
                }
                patterns.note(id, moderator(ctx), note);
            }
            default -> throw new BadInput("web.error.bad_form");
        }
        log.info("moderator decision {} on group {}", decision, id);
        String back = status(form.get("status").orElse("pending")).id();
        ctx.redirect("/admin?status=" + back + "&done=" + decision + "&group=" + id + "#queue", HttpStatus.SEE_OTHER);
    }

    // ---- reports

    private void reports(Context ctx) {
        pages.render(ctx, "admin_reports.jte", pages.page(ctx, Optional.empty()),
                "reports", store.dashboard().reports(false, REPORTS_SHOWN), "labels", labels);
    }

    // ---- rules

    /**
     * One row of the rule table.
     *
     * @param precision share of hits not reported as false positives; empty until someone reported a verdict the
     *                  rule fired on (with no report at all it would read 100 % while nothing is known)
     */
    public record RuleRow(String id, String category, String severity, boolean enabled, boolean shadow, long hits,
                          long falsePositives, Optional<Double> precision) {
        public String precisionText() {
            return precision.map(p -> String.format(java.util.Locale.ROOT, "%.0f%%", p * 100)).orElse("–");
        }
    }

    List<RuleRow> ruleRows() {
        Map<String, RuleStats> counts = new HashMap<>();
        store.statistics().ruleStats(today().minusDays(RULE_STATS_DAYS), today()).forEach(c -> counts.put(c.ruleId(), c));
        List<RuleRow> rows = new ArrayList<>();
        for (Rule rule : checker.rules().rules()) {
            RuleStats c = counts.getOrDefault(rule.id(), new RuleStats(rule.id(), rule.shadow(), 0, 0, 0));
            Optional<Double> precision = c.hits() == 0 || c.falsePositives() + c.falseNegatives() == 0 ? Optional.empty()
                    : Optional.of(Math.max(0, c.hits() - c.falsePositives()) / (double) c.hits());
            rows.add(new RuleRow(rule.id(), rule.category().id(), rule.severity().id(), rule.enabled(), rule.shadow(),
                    c.hits(), c.falsePositives(), precision));
        }
        return rows;
    }

    private void rules(Context ctx) {
        pages.render(ctx, "admin_rules.jte", pages.page(ctx, Optional.empty()),
                "rules", ruleRows(), "audit", store.dashboard().ruleAudit(20));
    }

    private void toggle(Context ctx) {
        String ruleId = ctx.pathParam("id");
        Rule rule = checker.rules().rule(ruleId).orElseThrow(() -> new BadInput("web.admin.no_such_rule"));
        FormBody form = WebServer.form(ctx);
        boolean enabled = form.get("enabled").map("on"::equals).orElse(rule.enabled());
        boolean shadow = form.get("shadow").map("on"::equals).orElse(rule.shadow());
        // the service keeps it with an audit entry and switches the running checker: no restart
        patterns.toggleRule(ruleId, enabled, shadow, moderator(ctx), null);
        log.info("rule {} set enabled={} shadow={}", ruleId, enabled, shadow);
        ctx.redirect("/admin/rules#rule-" + ruleId, HttpStatus.SEE_OTHER);
    }

    // ---- stats

    /** One day of the chart: messages checked and flagged (all sources) and "this is wrong" reports. */
    public record DayRow(String day, long checked, long flagged, long reports) {
    }

    /** Reports on messages flagged in one category, with the label in the moderator's language. */
    public record CategoryRow(String category, String label, long reports) {
    }

    List<DayRow> dayRows() {
        LocalDate to = today();
        LocalDate from = to.minusDays(STATS_DAYS - 1L);
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            byDay.put(d, new long[3]);
        }
        for (CheckCount c : store.statistics().checksPerDay(from, to)) {
            long[] v = byDay.computeIfAbsent(c.day(), d -> new long[3]);
            v[0] += c.checked();
            v[1] += c.flagged();
        }
        for (DailyCount c : store.statistics().reportsPerDay(from, to)) {
            byDay.computeIfAbsent(c.day(), d -> new long[3])[2] += c.count();
        }
        List<DayRow> rows = new ArrayList<>();
        byDay.forEach((d, v) -> rows.add(new DayRow(d.toString(), v[0], v[1], v[2])));
        return rows;
    }

    private List<CategoryRow> categoryRows(Page page) {
        LocalDate to = today();
        Map<String, Long> sums = new TreeMap<>();
        for (DailyCount c : store.statistics().reportsPerCategory(to.minusDays(STATS_DAYS - 1L), to)) {
            sums.merge(c.key(), c.count(), Long::sum);
        }
        List<CategoryRow> rows = new ArrayList<>();
        sums.forEach((k, n) -> rows.add(new CategoryRow(k, page.t("web.category." + k), n)));
        return rows;
    }

    private void stats(Context ctx) {
        Page page = pages.page(ctx, Optional.empty(), "/assets/echarts.js", "/assets/charts.js");
        pages.render(ctx, "admin_stats.jte", page, "days", dayRows(), "categories", categoryRows(page));
    }

    private void apiStats(Context ctx) throws IOException {
        Page page = pages.page(ctx, Optional.empty());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("days", dayRows());
        out.put("categories", categoryRows(page));
        out.put("patterns", store.dashboard().patternCount());
        ctx.contentType("application/json; charset=utf-8").result(json.writeValueAsString(out));
    }

    private void apiRules(Context ctx) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RuleRow r : ruleRows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("category", r.category());
            m.put("severity", r.severity());
            m.put("enabled", r.enabled());
            m.put("shadow", r.shadow());
            m.put("hits", r.hits());
            m.put("false_positives", r.falsePositives());
            m.put("precision", r.precision().orElse(null));
            out.add(m);
        }
        ctx.contentType("application/json; charset=utf-8").result(json.writeValueAsString(out));
    }

    private void apiPatterns(Context ctx) throws IOException {
        GroupStatus status = status(ctx.queryParam("status"));
        int offset = nonNegative(ctx.queryParam("offset"));
        int limit = Math.min(500, Math.max(1, Optional.ofNullable(ctx.queryParam("limit")).map(Dashboard::parseOr)
                .orElse(PAGE_SIZE)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status.id());
        out.put("offset", offset);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (GroupSummary g : store.dashboard().groups(status, limit, offset)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", g.id());
            m.put("status", g.status().id());
            m.put("confirmations", g.confirmations());
            m.put("note", g.note());
            m.put("redacted_text", g.templateText());
            m.put("size", g.size());
            m.put("open_reports", g.reports());
            m.put("first_day", g.firstDay().toString());
            m.put("last_day", g.lastDay().toString());
            m.put("languages", g.languages());
            m.put("rules", g.rules());
            List<Map<String, Object>> indicators = new ArrayList<>();
            for (GroupSummary.IndicatorCount i : g.indicators()) {
                indicators.add(Map.of("kind", i.kind(), "hash", i.hash(), "patterns", i.patterns()));
            }
            m.put("indicators", indicators);
            groups.add(m);
        }
        out.put("groups", groups);
        ctx.contentType("application/json; charset=utf-8").result(json.writeValueAsString(out));
    }

    // ---- contacts freshness

    /** Help contacts not checked against their source for this many days are listed for re-verification. */
    static final int STALE_DAYS = 180;

    private void staleContacts(Context ctx) {
        pages.render(ctx, "admin_contacts.jte", pages.page(ctx, Optional.empty()),
                "stale", directory.stale(today(), STALE_DAYS), "days", STALE_DAYS);
    }

    // ---- export

    private void exportPage(Context ctx) {
        pages.render(ctx, "admin_export.jte", pages.page(ctx, Optional.empty(), "/assets/export.js"),
                "patterns", store.dashboard().patternCount());
    }

    private void patternsCsv(Context ctx) throws IOException {
        download(ctx, "text/csv; charset=utf-8", "jobguard-patterns.csv");
        try (Writer w = csvWriter(ctx)) {
            CsvOut csv = new CsvOut(w);
            csv.row(List.of("id", "group", "day", "risk", "language", "source", "forwarded", "rules", "redacted_text"));
            store.export().forEachPattern(p -> {
                try {
                    csv.row(List.of(p.id(), p.groupId(), p.day(), p.risk(), p.language(), p.source().id(), p.forwarded(),
                            String.join(" ", p.rules()), p.redactedText()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private void patternsJson(Context ctx) throws IOException {
        download(ctx, "application/json; charset=utf-8", "jobguard-patterns.json");
        // one JSON object per line, so a large export can be read (and its progress counted) line by line
        try (Writer w = writer(ctx)) {
            store.export().forEachPattern(p -> {
                try {
                    w.write(json.writeValueAsString(exported(p)));
                    w.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private void statsCsv(Context ctx) throws IOException {
        download(ctx, "text/csv; charset=utf-8", "jobguard-rules.csv");
        try (Writer w = csvWriter(ctx)) {
            CsvOut csv = new CsvOut(w);
            csv.row(List.of("rule", "category", "severity", "enabled", "shadow", "hits", "false_positives", "precision"));
            for (RuleRow r : ruleRows()) {
                csv.row(List.of(r.id(), r.category(), r.severity(), r.enabled(), r.shadow(), r.hits(),
                        r.falsePositives(), r.precision().map(String::valueOf).orElse("")));
            }
        }
    }

    private static Map<String, Object> exported(PatternExport.ExportedPattern p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("group", p.groupId());
        m.put("day", p.day().toString());
        m.put("risk", p.risk());
        m.put("language", p.language());
        m.put("source", p.source().id());
        m.put("forwarded", p.forwarded());
        m.put("rules", p.rules());
        m.put("redacted_text", p.redactedText());
        return m;
    }

    private static void download(Context ctx, String type, String fileName) {
        ctx.contentType(type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    private static Writer writer(Context ctx) {
        return new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * A CSV file starts with the UTF-8 byte order mark: Excel reads a CSV without it in the computer's legacy code
     * page, and the Chinese text turns into mojibake.
     */
    private static Writer csvWriter(Context ctx) throws IOException {
        Writer w = writer(ctx);
        w.write('\uFEFF');
        return w;
    }

    // ---- helpers

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private String moderator(Context ctx) {
        return pages.session(ctx).flatMap(Sessions.Session::user).orElse("api-token");
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadInput("web.error.bad_form");
        }
    }

    private static int nonNegative(String s) {
        return s == null ? 0 : Math.max(0, parseOr(s));
    }

    private static int parseOr(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
