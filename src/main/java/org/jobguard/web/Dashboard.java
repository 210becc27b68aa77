package org.jobguard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.jobguard.checker.RedFlagChecker;
import org.jobguard.checker.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The moderator dashboard and its JSON API: review queue, reports, rule table with live toggles, charts
 * and streamed exports. Every route here is {@link Access#MODERATOR}; the gate checks login and CSRF.
 */
public final class Dashboard {
    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);
    static final int PAGE_SIZE = 50;
    private static final int STATS_DAYS = 30;
    private static final int MAX_NOTE = 2000;

    private final Moderation moderation;
    private final RedFlagChecker checker;
    private final Pages pages;
    private final ObjectMapper json;

    Dashboard(Moderation moderation, RedFlagChecker checker, Pages pages, ObjectMapper json) {
        this.moderation = moderation;
        this.checker = checker;
        this.pages = pages;
        this.json = json;
    }

    void register(RoutesConfig r) {
        r.get("/admin", this::queue, Access.MODERATOR);
        r.post("/admin/groups/{id}", this::decide, Access.MODERATOR);
        r.get("/admin/reports", this::reports, Access.MODERATOR);
        r.get("/admin/rules", this::rules, Access.MODERATOR);
        r.post("/admin/rules/{id}", this::toggle, Access.MODERATOR);
        r.get("/admin/stats", this::stats, Access.MODERATOR);
        r.get("/admin/export", this::exportPage, Access.MODERATOR);
        r.get("/admin/export/patterns.csv", this::patternsCsv, Access.MODERATOR);
        r.get("/admin/export/patterns.json", this::patternsJson, Access.MODERATOR);
        r.get("/admin/export/stats.csv", this::statsCsv, Access.MODERATOR);
        r.get("/api/patterns", this::apiPatterns, Access.MODERATOR);
        r.get("/api/stats", this::apiStats, Access.MODERATOR);
        r.get("/api/rules", this::apiRules, Access.MODERATOR);
    }

    // ---- queue

    /** The queue page's model. */
    public record QueueView(Moderation.Status status, List<Moderation.GroupRow> groups, long total, int offset,
                            int pageSize) {
        public boolean hasPrevious() {
            return offset > 0;
        }

        public boolean hasNext() {
            return offset + groups.size() < total;
        }

        public List<String> statuses() {
            return List.of("pending", "confirmed", "rejected");
        }
    }

    private void queue(Context ctx) {
        Moderation.Status status = Moderation.Status.fromId(ctx.queryParam("status")).orElse(Moderation.Status.PENDING);
        int offset = nonNegative(ctx.queryParam("offset"));
        List<Moderation.GroupRow> groups = moderation.queue(status, offset, PAGE_SIZE);
        pages.render(ctx, "admin_queue.jte", pages.page(ctx, Optional.empty()),
                "view", new QueueView(status, groups, moderation.count(status), offset, PAGE_SIZE));
    }

    private void decide(Context ctx) {
        long id = id(ctx);
        FormBody form = WebServer.form(ctx);
        Moderation.Decision decision = switch (form.get("decision").orElse("")) {
            case "confirm" -> Moderation.Decision.CONFIRM;
            case "reject" -> Moderation.Decision.REJECT;
            case "note" -> Moderation.Decision.NOTE;
            default -> throw new BadInput("web.error.bad_form");
        };
        String note = form.get("note").map(String::strip).filter(n -> !n.isEmpty())
                .map(n -> n.length() > MAX_NOTE ? n.substring(0, MAX_NOTE) : n).orElse(null);
        if (decision == Moderation.Decision.NOTE && note == null) {
            throw new BadInput("web.admin.note_empty");
        }
        moderation.decide(id, decision, note, moderator(ctx));
        log.info("moderator decision {} on group {}", decision.id(), id);
        String back = form.get("status").flatMap(Moderation.Status::fromId).map(Moderation.Status::id).orElse("pending");
        ctx.redirect("/admin?status=" + back + "&done=" + id, HttpStatus.SEE_OTHER);
    }

    // ---- reports

    private void reports(Context ctx) {
        int offset = nonNegative(ctx.queryParam("offset"));
        pages.render(ctx, "admin_reports.jte", pages.page(ctx, Optional.empty()),
                "reports", moderation.reports(offset, PAGE_SIZE), "offset", offset);
    }

    // ---- rules

    /**
     * One row of the rule table.
     *
     * @param precision share of hits not reported as false positives, empty before the first hit
     */
    public record RuleRow(String id, String category, String severity, boolean enabled, boolean shadow, long hits,
                          long falsePositives, Optional<Double> precision) {
        public String precisionText() {
            return precision.map(p -> String.format(java.util.Locale.ROOT, "%.0f%%", p * 100)).orElse("–");
        }
    }

    List<RuleRow> ruleRows() {
        Map<String, Moderation.RuleCounts> counts = new HashMap<>();
        moderation.ruleCounts().forEach(c -> counts.put(c.ruleId(), c));
        List<RuleRow> rows = new ArrayList<>();
        for (Rule rule : checker.rules().rules()) {
            Moderation.RuleCounts c = counts.getOrDefault(rule.id(), new Moderation.RuleCounts(rule.id(), 0, 0));
            Optional<Double> precision = c.hits() == 0 ? Optional.empty()
                    : Optional.of(Math.max(0, c.hits() - c.falsePositives()) / (double) c.hits());
            rows.add(new RuleRow(rule.id(), rule.category().id(), rule.severity().id(), rule.enabled(), rule.shadow(),
                    c.hits(), c.falsePositives(), precision));
        }
        return rows;
    }

    private void rules(Context ctx) {
        pages.render(ctx, "admin_rules.jte", pages.page(ctx, Optional.empty()),
                "rules", ruleRows(), "audit", moderation.toggleAudit(20));
    }

    private void toggle(Context ctx) {
        String ruleId = ctx.pathParam("id");
        Rule rule = checker.rules().rule(ruleId).orElseThrow(() -> new BadInput("web.admin.no_such_rule"));
        FormBody form = WebServer.form(ctx);
        boolean enabled = form.get("enabled").map("on"::equals).orElse(rule.enabled());
        boolean shadow = form.get("shadow").map("on"::equals).orElse(rule.shadow());
        moderation.toggleRule(ruleId, enabled, shadow, moderator(ctx));
        // takes effect for the next message; checks in flight finish on the old rules
        checker.reconfigure(checker.rules().withToggle(ruleId, enabled, shadow));
        log.info("rule {} set enabled={} shadow={}", ruleId, enabled, shadow);
        ctx.redirect("/admin/rules#rule-" + ruleId, HttpStatus.SEE_OTHER);
    }

    // ---- stats

    /** Per-category rows with the label in the moderator's language, for the table and the chart. */
    public record CategoryRow(String category, String label, long hits) {
    }

    private List<CategoryRow> categoryRows(Page page) {
        List<CategoryRow> rows = new ArrayList<>();
        for (Moderation.CategoryCount c : moderation.perCategory(STATS_DAYS)) {
            rows.add(new CategoryRow(c.category(), page.t("web.category." + c.category()), c.hits()));
        }
        return rows;
    }

    private void stats(Context ctx) {
        Page page = pages.page(ctx, Optional.empty(), "/assets/echarts.js", "/assets/charts.js");
        pages.render(ctx, "admin_stats.jte", page,
                "days", moderation.perDay(STATS_DAYS), "categories", categoryRows(page));
    }

    private void apiStats(Context ctx) throws IOException {
        Page page = pages.page(ctx, Optional.empty());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("days", moderation.perDay(STATS_DAYS));
        out.put("categories", categoryRows(page));
        out.put("patterns", moderation.patternCount());
        ctx.contentType("application/json; charset=utf-8").result(json.writeValueAsString(out));
    }

    private void apiRules(Context ctx) throws IOException {
        ctx.contentType("application/json; charset=utf-8").result(json.writeValueAsString(ruleRows()));
    }

    private void apiPatterns(Context ctx) throws IOException {
        Moderation.Status status = Moderation.Status.fromId(ctx.queryParam("status")).orElse(Moderation.Status.PENDING);
        int offset = nonNegative(ctx.queryParam("offset"));
        int limit = Math.min(500, Math.max(1, Optional.ofNullable(ctx.queryParam("limit")).map(Dashboard::parseOr)
                .orElse(PAGE_SIZE)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status.id());
        out.put("total", moderation.count(status));
        out.put("offset", offset);
        out.put("groups", moderation.queue(status, offset, limit));
        ctx.contentType("application/json; charset=utf-8").result(json.writeValueAsString(out));
    }

    // ---- export

    private void exportPage(Context ctx) {
        pages.render(ctx, "admin_export.jte", pages.page(ctx, Optional.empty(), "/assets/export.js"),
                "patterns", moderation.patternCount());
    }

    private void patternsCsv(Context ctx) throws IOException {
        download(ctx, "text/csv; charset=utf-8", "jobguard-patterns.csv");
        try (Writer w = writer(ctx)) {
            CsvOut csv = new CsvOut(w);
            csv.row(List.of("id", "group", "day", "risk", "language", "source", "forwarded", "rules", "redacted_text"));
            moderation.eachPattern(p -> {
                try {
                    csv.row(List.of(p.id(), p.groupId(), p.day(), p.risk(), p.language(), p.source(), p.forwarded(),
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
            moderation.eachPattern(p -> {
                try {
                    w.write(json.writeValueAsString(p));
                    w.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private void statsCsv(Context ctx) throws IOException {
        download(ctx, "text/csv; charset=utf-8", "jobguard-rules.csv");
        try (Writer w = writer(ctx)) {
            CsvOut csv = new CsvOut(w);
            csv.row(List.of("rule", "category", "severity", "enabled", "shadow", "hits", "false_positives", "precision"));
            for (RuleRow r : ruleRows()) {
                csv.row(List.of(r.id(), r.category(), r.severity(), r.enabled(), r.shadow(), r.hits(),
                        r.falsePositives(), r.precision().map(String::valueOf).orElse("")));
            }
        }
    }

    private static void download(Context ctx, String type, String fileName) {
        ctx.contentType(type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    private static Writer writer(Context ctx) {
        return new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
    }

    // ---- helpers

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
