package org.jobguard.cli;

import org.jobguard.privacy.PlantedIdentifiers;
import org.jobguard.privacy.RedactionRecall;
import org.jobguard.privacy.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** Prints the redactor's recall on a generated set of planted identifiers, and every miss. */
@Command(name = "redaction-eval", mixinStandardHelpOptions = true,
        description = "Measure redaction recall on generated messages with planted phone numbers, e-mails, handles, ids, wallets and names.")
public final class RedactionEvalCommand implements Callable<Integer> {
    @Option(names = "--seed", defaultValue = "20261126", description = "random seed (same seed, same set)")
    long seed;

    @Option(names = "--planted", defaultValue = "1000", description = "at least this many planted identifiers")
    int planted;

    @Option(names = "--min-recall", defaultValue = "0.99", description = "exit code 1 below this recall")
    double minRecall;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var messages = PlantedIdentifiers.generate(seed, planted);
        RedactionRecall r = RedactionRecall.measure(new Redactor(), messages);
        Map<String, int[]> byType = new TreeMap<>();
        messages.forEach(m -> m.planted().forEach(p -> byType.computeIfAbsent(p.type().name(), k -> new int[2])[0]++));
        r.misses().forEach(m -> byType.get(m.type().name())[1]++);
        out.printf(Locale.ROOT, "messages %d, planted %d, caught %d, recall %.4f (target %.2f)%n",
                messages.size(), r.planted(), r.caught(), r.recall(), minRecall);
        byType.forEach((type, c) -> out.printf(Locale.ROOT, "  %-9s planted %4d  missed %3d%n", type, c[0], c[1]));
        for (RedactionRecall.Miss m : r.misses()) {
            out.printf(Locale.ROOT, "MISSED %s %s%n    in: %s%n", m.type(), m.written(), m.output());
        }
        out.flush();
        return r.recall() >= minRecall ? 0 : 1;
    }
}
