package org.jobguard.cli;

import org.jobguard.checker.Language;
import org.jobguard.config.ConfigException;
import org.jobguard.config.ConfigFiles;
import org.jobguard.config.ContactsLoader;
import org.jobguard.contacts.DialNumber;
import org.jobguard.contacts.HelpAnswer;
import org.jobguard.contacts.HelpContact;
import org.jobguard.contacts.HelpDirectory;
import org.jobguard.contacts.Mention;
import org.jobguard.contacts.Place;
import org.jobguard.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code contacts}: checks and prints the help directory. {@code --stale DAYS} lists entries nobody has verified
 * for that long; {@code --location X --nationality Y} prints what a relative would be told.
 */
@Command(name = "contacts", mixinStandardHelpOptions = true,
        description = {"Check config/contacts.yaml and print the help directory.",
                "Exit 0 on success, 2 when the file is invalid or the options are wrong."})
public final class ContactsCommand implements Callable<Integer> {

    @Option(names = "--file", paramLabel = "FILE",
            description = "contacts file (default: config/contacts.yaml under JOBGUARD_HOME or here, "
                    + "else the copy in the jar)")
    Path file;

    @Option(names = "--stale", paramLabel = "DAYS", description = "list entries not verified for more than DAYS days")
    Integer staleDays;

    @Option(names = "--location", paramLabel = "PLACE",
            description = "where the person is: code, country or place name (MM, 缅甸, Myawaddy)")
    String location;

    @Option(names = "--nationality", paramLabel = "COUNTRY",
            description = "whose citizen they are: code or name (CN, 台湾人, Kenyan)")
    String nationality;

    @Option(names = "--lang", paramLabel = "TAG", defaultValue = "en",
            description = "en, zh-Hans or zh-Hant (default: ${DEFAULT-VALUE})")
    String lang;

    @Spec
    CommandSpec spec;

    private final Clock clock;
    private final ConfigFiles files;

    public ContactsCommand() {
        this(Clock.systemUTC(), ConfigFiles.locate(System.getenv()));
    }

    /** @param files where the default contacts file and the messages are looked up */
    public ContactsCommand(Clock clock, ConfigFiles files) {
        this.clock = clock;
        this.files = files;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Language> language = Language.fromTag(lang);
        if (language.isEmpty()) {
            err.println("contacts: unknown --lang '" + lang + "' (use en, zh-Hans or zh-Hant)");
            return 2;
        }
        if (staleDays != null && staleDays < 0) {
            err.println("contacts: --stale needs a number of days, 0 or more");
            return 2;
        }
        HelpDirectory directory;
        try {
            ContactsLoader loader = new ContactsLoader(clock);
            directory = file != null ? loader.load(file) : loader.load(files);
        } catch (ConfigException e) {
            err.println("contacts: " + e.getMessage());
            return 2;
        }
        if (staleDays != null) {
            printStale(out, directory.stale(LocalDate.now(clock), staleDays));
        } else if (location != null || nationality != null) {
            printAnswer(out, directory, language.get());
        } else {
            out.printf("%d contacts, %d countries, %d places; locations %s; nationalities %s%n",
                    directory.contacts().size(), directory.countries().size(), directory.places().size(),
                    directory.locations(), directory.nationalities());
        }
        out.flush();
        return 0;
    }

    private void printStale(PrintWriter out, List<HelpContact> stale) {
        LocalDate today = LocalDate.now(clock);
        out.printf("%d entries not verified for more than %d days%n", stale.size(), staleDays);
        for (HelpContact c : stale) {
            out.printf("%s\tverified %s (%d days)\t%s\t%s%n", c.id(), c.verified(), c.ageInDays(today),
                    c.confidence().id(), c.source());
        }
    }

    private void printAnswer(PrintWriter out, HelpDirectory directory, Language language) {
        Messages messages = files.messages();
        Optional<String> where = Optional.ofNullable(location).map(l -> directory.country(l).orElse(l));
        Optional<String> who = Optional.ofNullable(nationality).map(n -> directory.country(n).orElse(n));
        Optional<Place> place = Optional.ofNullable(location).flatMap(l -> directory.find(l).place());
        HelpAnswer answer = directory.lookup(new Mention(where, place, who));
        out.println(messages.get(language, "contacts.title"));
        answer.location().ifPresent(l -> out.println(messages.get(language, "contacts.ask.location") + " "
                + messages.get(language, "contacts.country." + l)));
        answer.place().ifPresent(p -> out.println(messages.format(language, "contacts.place", "place",
                p.name(language))));
        answer.nationality().ifPresent(n -> out.println(messages.get(language, "contacts.ask.nationality") + " "
                + messages.get(language, "contacts.country." + n)));
        answer.noteKeys().forEach(k -> out.println("! " + messages.get(language, k)));
        out.println();
        for (HelpContact c : answer.contacts()) {
            out.println("[" + messages.get(language, "contacts.kind." + c.kind().id()) + "] " + c.label(language));
            c.phone().ifPresent(p -> out.println("  "
                    + messages.format(language, "contacts.call", "number", p.written())
                    + "  " + p.telUri() + shortCodeNote(p, messages, language)));
            c.link().ifPresent(u -> out.println("  " + u));
            out.println("  " + messages.format(language, "contacts.verified", "date", c.verified()) + " · "
                    + messages.get(language, "contacts.confidence." + c.confidence().id()) + " · "
                    + messages.get(language, "contacts.source") + ": " + c.source());
        }
        if (answer.contacts().isEmpty()) {
            out.println(messages.get(language, "contacts.none"));
        }
        out.println();
        out.println(messages.get(language, "contacts.advice.title"));
        answer.adviceKeys().forEach(k -> out.println("- " + messages.get(language, k)));
    }

    private static String shortCodeNote(DialNumber p, Messages messages, Language language) {
        return p.shortCode() ? "  (" + messages.format(language, "contacts.short_code", "country",
                messages.get(language, "contacts.country." + p.region())) + ")" : "";
    }
}
