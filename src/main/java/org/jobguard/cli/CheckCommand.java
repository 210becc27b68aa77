package org.jobguard.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jobguard.checker.Language;
import org.jobguard.checker.RedFlagChecker;
import org.jobguard.checker.Verdict;
import org.jobguard.config.ConfigFiles;
import org.jobguard.i18n.Messages;
import org.jobguard.reply.VerdictWording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check one message and print the verdict as the bot words it (with --json: the JSON verdict), "
                + "or with --jsonl one JSON verdict per line.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--lang", defaultValue = "auto",
            description = "auto (the text's own), zh-Hans, zh-Hant or en: the language the text is checked as "
                    + "and the verdict worded in")
    String lang;

    @Option(names = "--json", description = "print the verdict as JSON (message keys instead of words)")
    boolean json;

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
        VerdictJson verdictJson = new VerdictJson(mapper);
        String input = InputText.read(source, System.in);
        if (!jsonl) {
            // as the bot does with a chosen language: the text is checked as that language and the verdict worded in it
            Verdict verdict = checker.check(input, forced);
            if (json) {
                out.println(verdictJson.toJson(verdict, null).toPrettyString());
            } else {
                Messages messages = ConfigFiles.locate(System.getenv()).messages();
                out.println(new VerdictWording(messages, VerdictWording.PLAIN_TEXT).whole(verdict, verdict.language()));
            }
            return 0;
        }
        for (NumberedLine line : lines(input)) {
            out.println(checkLine(line.text(), line.number(), checker, forced, mapper, verdictJson));
        }
        return 0;
    }

    /** A line of the input with its number in the file, counting from 1. */
    record NumberedLine(int number, String text) {
    }

    /**
     * The lines of a JSONL input. A line ends at {@code \n}, {@code \r\n} or a lone {@code \r} (old Mac
     * files, and what some exporters write): otherwise two records joined by a bare {@code \r} would be
     * read as one. Blank lines are skipped but still counted, so an error names the line an editor shows.
     */
    static List<NumberedLine> lines(String input) {
        List<NumberedLine> out = new ArrayList<>();
        int number = 1;
        int start = 0;
        for (int i = 0; i <= input.length(); i++) {
            boolean end = i == input.length();
            char ch = end ? '\n' : input.charAt(i);
            if (ch != '\n' && ch != '\r') {
                continue;
            }
            String text = input.substring(start, i);
            if (!text.isBlank()) {
                out.add(new NumberedLine(number, text));
            }
            if (ch == '\r' && i + 1 < input.length() && input.charAt(i + 1) == '\n') {
                i++;
            }
            start = i + 1;
            number++;
        }
        return out;
    }

    /**
     * One line's verdict, or an error record naming the line. A line holds exactly one JSON object:
     * anything after it, such as a second object or stray text, makes the line an error rather than being
     * dropped unread.
     */
    static String checkLine(String line, int lineNo, RedFlagChecker checker, Optional<Language> forced,
                            ObjectMapper mapper, VerdictJson json) {
        JsonNode node;
        boolean trailing;
        try (JsonParser parser = mapper.createParser(line)) {
            node = mapper.readTree(parser);
            try {
                trailing = parser.nextToken() != null;
            } catch (IOException e) {
                trailing = true;
            }
        } catch (Exception e) {
            return json.error(null, "line " + lineNo + ": not valid JSON").toString();
        }
        if (node == null || !node.isObject()) {
            return json.error(null, "line " + lineNo + ": expected a JSON object with \"text\"").toString();
        }
        Object id = node.has("id") ? mapper.convertValue(node.get("id"), Object.class) : null;
        if (trailing) {
            return json.error(id, "line " + lineNo + ": more after the JSON object; one object per line").toString();
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            return json.error(id, "line " + lineNo + ": missing \"text\" (a string)").toString();
        }
        return json.toJson(checker.check(text.asText(), forced), id).toString();
    }
}
