package org.jobguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jobguard.checker.Language;
import org.jobguard.checker.RedFlagChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "check", description = "Check one message (prints a JSON verdict), or with --jsonl one per line.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--lang", defaultValue = "auto", description = "auto, zh-Hans, zh-Hant or en (default: auto)")
    String lang;

    @Option(names = "--jsonl", description = "read lines {\"id\": ..., \"text\": ...}; print one verdict per line")
    boolean jsonl;

    @Parameters(arity = "0..1", defaultValue = "-", paramLabel = "FILE|-", description = "input (default: stdin)")
    String source;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<Language> forced = Optional.empty();
        if (!"auto".equalsIgnoreCase(lang)) {
            forced = Language.fromTag(lang);
            if (forced.isEmpty()) {
                spec.commandLine().getErr().println("error: --lang must be auto, zh-Hans, zh-Hant or en");
                return Main.EXIT_CONFIG;
            }
        }
        RedFlagChecker checker = CheckerFactory.fromEnvironment();
        ObjectMapper mapper = new ObjectMapper();
        VerdictJson json = new VerdictJson(mapper);
        String input = InputText.read(source, System.in);
        if (!jsonl) {
            out.println(json.toJson(checker.check(input, forced), null).toPrettyString());
            return 0;
        }
        String[] lines = input.split("\r?\n", -1);
        int count = lines.length;
        if (count > 0 && lines[count - 1].isEmpty()) {
            count--;
        }
        for (int i = 0; i < count; i++) {
            out.println(checkLine(lines[i], i + 1, checker, forced, mapper, json));
        }
        return 0;
    }

    private static String checkLine(String line, int lineNo, RedFlagChecker checker, Optional<Language> forced,
                                    ObjectMapper mapper, VerdictJson json) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (Exception e) {
            return json.error(null, "line " + lineNo + ": not valid JSON").toString();
        }
        if (node == null || !node.isObject()) {
            return json.error(null, "line " + lineNo + ": expected a JSON object with \"text\"").toString();
        }
        Object id = node.has("id") ? mapper.convertValue(node.get("id"), Object.class) : null;
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            return json.error(id, "line " + lineNo + ": missing \"text\" (a string)").toString();
        }
        return json.toJson(checker.check(text.asText(), forced), id).toString();
    }
}
