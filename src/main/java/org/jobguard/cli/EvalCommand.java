package org.jobguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jobguard.checker.Category;
import org.jobguard.checker.RedFlag;
import org.jobguard.checker.RedFlagChecker;
import org.jobguard.checker.Risk;
import org.jobguard.checker.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Scores the checker on a labelled JSONL file (the format of {@code src/test/resources/corpus/README.md}).
 * Positive means risk medium or high: recall is reported for compound recruitment and ransom, the false-alarm rate
 * for the other labels (other_scam included: a task scam or a crypto pitch is not a compound offer), per label and
 * per language; then the risk model's cross-validated figures from its training.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Score the checker on a labelled JSONL file: recall, false positives, misses.")
final class EvalCommand implements Callable<Integer> {
    static final Set<String> POSITIVE = LabelledMessage.DANGER;
    static final Set<String> NEGATIVE = Set.of("legit_job", "chat", "awareness", "other_scam");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.jsonl", description = "labelled messages: id, text, label, lang, expected_risk")
    String file;

    private record Row(String id, String label, String lang, Verdict verdict, List<String> expectedCategories) {
        boolean positive() {
            return verdict.risk().atLeast(Risk.MEDIUM);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RedFlagChecker checker = CheckerFactory.fromEnvironment();
        ObjectMapper mapper = new ObjectMapper();
        String[] lines = InputText.read(file, System.in).split("\r?\n");
        List<Row> rows = new ArrayList<>();
        int bad = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                JsonNode n = mapper.readTree(lines[i]);
                String label = n.path("label").asText("");
                if (!POSITIVE.contains(label) && !NEGATIVE.contains(label) || !n.path("text").isTextual()) {
                    throw new IllegalArgumentException("needs text and a known label");
                }
                List<String> cats = new ArrayList<>();
                n.path("expected_categories").forEach(c -> cats.add(c.asText()));
                rows.add(new Row(n.path("id").asText("line " + (i + 1)), label, n.path("lang").asText("?"),
                        checker.check(n.get("text").asText()), cats));
            } catch (Exception e) {
                bad++;
                spec.commandLine().getErr().println("skipped line " + (i + 1) + ": " + e.getMessage());
            }
        }
        out.printf(Locale.ROOT, "eval %s: %d messages%s%n", file, rows.size(), bad > 0 ? " (" + bad + " bad lines skipped)" : "");
        out.println();
        out.println("label          n     flagged  rate    (scam_recruit, ransom: recall; others: false alarms)");
        Map<String, List<Row>> byLabel = new TreeMap<>();
        rows.forEach(r -> byLabel.computeIfAbsent(r.label(), k -> new ArrayList<>()).add(r));
        byLabel.forEach((label, list) -> {
            long flagged = list.stream().filter(Row::positive).count();
            out.printf(Locale.ROOT, "%-13s %4d    %4d   %6.3f   %s%n", label, list.size(), flagged,
                    (double) flagged / list.size(), POSITIVE.contains(label) ? "recall" : "false alarms");
        });
        List<Row> recruitOrRansom = rows.stream()
                .filter(r -> r.label().equals("scam_recruit") || r.label().equals("ransom")).toList();
        if (!recruitOrRansom.isEmpty()) {
            out.printf(Locale.ROOT, "%nrecall scam_recruit+ransom: %.3f (%d/%d)%n",
                    recruitOrRansom.stream().filter(Row::positive).count() / (double) recruitOrRansom.size(),
                    recruitOrRansom.stream().filter(Row::positive).count(), recruitOrRansom.size());
        }
        printPrecision(out, rows);
        out.println();
        out.println("per language (scam_recruit, ransom: recall; others: false alarms)");
        Map<String, List<Row>> byLabelLang = new TreeMap<>();
        rows.forEach(r -> byLabelLang.computeIfAbsent(r.label() + " " + r.lang(), k -> new ArrayList<>()).add(r));
        byLabelLang.forEach((key, list) -> out.printf(Locale.ROOT, "  %-22s %4d  %6.3f%n", key, list.size(),
                list.stream().filter(Row::positive).count() / (double) list.size()));

        out.println();
        out.println("category hits (messages; agree = also expected by the label file)");
        Map<String, int[]> cats = new TreeMap<>();
        for (Category c : Category.values()) {
            cats.put(c.id(), new int[3]);
        }
        for (Row r : rows) {
            Set<String> got = new java.util.HashSet<>();
            r.verdict().flags().forEach(f -> got.add(f.category().id()));
            for (String c : got) {
                cats.get(c)[0]++;
                if (r.expectedCategories().contains(c)) {
                    cats.get(c)[1]++;
                }
            }
            for (String c : r.expectedCategories()) {
                if (cats.containsKey(c) && !got.contains(c)) {
                    cats.get(c)[2]++;
                }
            }
        }
        cats.forEach((c, n) -> out.printf(Locale.ROOT, "  %-24s hits %4d  agree %4d  missed %4d%n", c, n[0], n[1], n[2]));

        out.println();
        out.println("misses (positive label, risk below medium):");
        rows.stream().filter(r -> POSITIVE.contains(r.label()) && !r.positive())
                .forEach(r -> out.println("  " + describe(r)));
        out.println("false alarms (negative label, risk medium or high):");
        rows.stream().filter(r -> NEGATIVE.contains(r.label()) && r.positive())
                .forEach(r -> out.println("  " + describe(r)));
        printModel(out, checker);
        return 0;
    }

    /** Of the messages flagged (medium or high), the share that are scam_recruit or ransom: overall and per language. */
    private static void printPrecision(PrintWriter out, List<Row> rows) {
        Map<String, long[]> byLang = new TreeMap<>();
        for (Row r : rows) {
            if (!r.positive()) {
                continue;
            }
            for (String key : List.of("all", r.lang())) {
                long[] c = byLang.computeIfAbsent(key, k -> new long[2]);
                c[0]++;
                c[1] += POSITIVE.contains(r.label()) ? 1 : 0;
            }
        }
        long[] all = byLang.remove("all");
        if (all == null) {
            out.println("precision: nothing flagged");
            return;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "precision (flagged that are scam_recruit or ransom): %.3f (%d/%d)", (double) all[1] / all[0], all[1], all[0]));
        byLang.forEach((lang, c) -> line.append(String.format(Locale.ROOT, "; %s %.3f (%d/%d)", lang,
                (double) c[1] / c[0], c[1], c[0])));
        out.println(line);
    }

    /** The model in use and its figures on messages it was not fitted on (k-fold, from {@code train}). */
    private static void printModel(PrintWriter out, RedFlagChecker checker) {
        out.println();
        var t = checker.model().thresholds();
        out.printf(Locale.ROOT, "risk model: %s; thresholds low %.3f, medium %.3f (job ads %.3f), high %.3f%n",
                checker.model().version(), t.low(), t.medium(), t.adMedium(), t.high());
        try {
            JsonNode cv = new ObjectMapper().readTree(org.jobguard.config.ConfigFiles.locate(System.getenv())
                    .text(org.jobguard.config.RiskModelFile.NAME).content()).path("training").path("cross_validated");
            if (cv.isMissingNode()) {
                return;
            }
            out.printf(Locale.ROOT, "cross-validated at training: recall scam_recruit+ransom %.3f%n",
                    cv.path("recall_scam_recruit_ransom").asDouble());
            cv.path("flagged_share").fields().forEachRemaining(e -> out.printf(Locale.ROOT, "  %-13s %6.3f  %s%n",
                    e.getKey(), e.getValue().asDouble(), POSITIVE.contains(e.getKey()) ? "recall" : "false alarms"));
            cv.path("flagged_share_by_language").fields().forEachRemaining(e -> out.printf(Locale.ROOT,
                    "    %-22s %6.3f%n", e.getKey(), e.getValue().asDouble()));
        } catch (java.io.IOException e) {
            out.println("  (cannot read the model file's training figures: " + e.getMessage() + ")");
        }
    }

    private static String describe(Row r) {
        StringBuilder s = new StringBuilder(r.id() + " [" + r.label() + "] risk=" + r.verdict().risk().id()
                + " kind=" + r.verdict().kind().id());
        for (RedFlag f : r.verdict().flags()) {
            s.append(" ").append(f.ruleId()).append("=\"").append(f.evidence().replace('\n', ' ')).append('"');
        }
        return s.toString();
    }
}
