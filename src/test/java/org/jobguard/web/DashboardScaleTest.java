package org.jobguard.web;

import org.jobguard.patterns.GroupStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The target: the dashboard queue page under 200 ms with 100,000 stored patterns. The store is
 * filled with one bulk SQL transaction (going through the checker for each would take many minutes on a
 * shared machine), shaped like real data: groups of near-duplicates, several rules and contact hashes per
 * pattern. It runs only with {@code -Djobguard.scale=100000} (any count) and prints the figures.
 */
@EnabledIfSystemProperty(named = "jobguard.scale", matches = "\\d+")
class DashboardScaleTest {
    private static final String[] RULES = {"risky_destination.myanmar", "vague_job.cs", "document_control.passport",
            "contract_after_arrival.later", "pay_too_good.high_pay", "all_expenses_paid.flight"};
    private static final String[] CATEGORIES = {"risky_destination", "vague_job", "document_control",
            "contract_after_arrival", "pay_too_good", "all_expenses_paid"};

    @TempDir
    Path data;

    @Test
    void queuePageStaysFastWithManyPatterns() throws Exception {
        int n = Integer.parseInt(System.getProperty("jobguard.scale"));
        int groups = Math.max(1, n / 5);
        try (RunningWeb web = new RunningWeb(data)) {
            long t0 = System.nanoTime();
            fill(data.resolve("jobguard.db"), n, groups);
            double fillSeconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(n, web.store.dashboard().patternCount());
            RunningWeb.Login login = web.login();
            for (int i = 0; i < 5; i++) {
                web.get("/admin", "Cookie", login.cookie());
            }
            int runs = 40;
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                HttpResponse<String> r = web.get("/admin?offset=" + (i % 4) * Dashboard.PAGE_SIZE, "Cookie", login.cookie());
                nanos[i] = System.nanoTime() - s;
                assertEquals(200, r.statusCode());
                assertTrue(r.body().contains("id=\"next-page\""));
            }
            Arrays.sort(nanos);
            double p50 = nanos[runs / 2] / 1e6;
            double p95 = nanos[(int) Math.ceil(runs * 0.95) - 1] / 1e6;
            System.out.printf("dashboard queue page with %d patterns in %d pending groups: p50 %.1f ms, p95 %.1f ms,"
                    + " max %.1f ms (bulk fill %.1f s)%n", n, groups, p50, p95, nanos[runs - 1] / 1e6, fillSeconds);
            assertEquals(Dashboard.PAGE_SIZE, web.store.dashboard().groups(GroupStatus.PENDING, Dashboard.PAGE_SIZE, 0).size());
            assertTrue(p50 < 200, "queue page p50 " + p50 + " ms");
        }
    }

    private static void fill(Path db, int n, int groups) throws Exception {
        Random rnd = new Random(42);
        LocalDate start = LocalDate.of(2026, 6, 1);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.setAutoCommit(false);
            try (PreparedStatement g = c.prepareStatement("INSERT INTO pattern_group (id, simhash, status, size, first_day,"
                    + " last_day, template_text) VALUES (?, ?, 'pending', ?, ?, ?, ?)");
                 PreparedStatement p = c.prepareStatement("INSERT INTO pattern (id, group_id, origin, redacted_text, risk,"
                         + " language, day, forwarded, source, simhash) VALUES (?, ?, 'flagged', ?, 'high', 'zh-Hans', ?, 1, 'bot', ?)");
                 PreparedStatement r = c.prepareStatement("INSERT INTO pattern_rule (pattern_id, rule_id, category, shadow) VALUES (?, ?, ?, 0)");
                 PreparedStatement h = c.prepareStatement("INSERT INTO indicator_hash (pattern_id, kind, hash) VALUES (?, ?, ?)")) {
                for (int gi = 1; gi <= groups; gi++) {
                    int size = n / groups + (gi <= n % groups ? 1 : 0);
                    LocalDate first = start.plusDays(rnd.nextInt(150));
                    String text = "高薪招聘客服 地点 妙瓦底 第" + gi + "批 月薪3万 包吃包住 到了再签合同 护照公司保管 联系 <HANDLE> <PHONE:+95>";
                    g.setLong(1, gi);
                    g.setLong(2, rnd.nextLong());
                    g.setInt(3, size);
                    g.setString(4, first.toString());
                    g.setString(5, first.plusDays(rnd.nextInt(30)).toString());
                    g.setString(6, text);
                    g.addBatch();
                }
                g.executeBatch();
                for (int i = 1; i <= n; i++) {
                    long group = 1 + (i - 1) % groups;
                    p.setLong(1, i);
                    p.setLong(2, group);
                    p.setString(3, "高薪招聘客服 地点 妙瓦底 第" + group + "批 月薪" + (1 + rnd.nextInt(9)) + "万 联系 <HANDLE>");
                    p.setString(4, start.plusDays(rnd.nextInt(180)).toString());
                    p.setLong(5, rnd.nextLong());
                    p.addBatch();
                    for (int k = 0; k < 3; k++) {
                        int rule = (i + k) % RULES.length;
                        r.setLong(1, i);
                        r.setString(2, RULES[rule]);
                        r.setString(3, CATEGORIES[rule]);
                        r.addBatch();
                    }
                    h.setLong(1, i);
                    h.setString(2, "HANDLE");
                    h.setString(3, Long.toHexString(rnd.nextInt(20_000)));
                    h.addBatch();
                    if (i % 5000 == 0) {
                        p.executeBatch();
                        r.executeBatch();
                        h.executeBatch();
                    }
                }
                p.executeBatch();
                r.executeBatch();
                h.executeBatch();
            }
            c.commit();
        }
    }
}
