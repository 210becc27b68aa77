package org.jobguard.cli;

import org.jobguard.checker.RedFlagChecker;
import org.jobguard.checker.Risk;
import org.jobguard.checker.Verdict;
import org.jobguard.picture.PictureReader;
import org.jobguard.picture.PictureSettings;
import org.jobguard.picture.PictureText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Issue 15's figures: renders the recruitment and legitimate job ads of a labelled corpus as pictures
 * ({@link PictureSamples}: posters, small posters, chat screenshots in three apps' colours; plus chat pages
 * screenshotted by headless Chromium), reads them as the service does and prints character accuracy per language
 * and style, how often the picture's verdict equals the text's, legitimate ads a picture turned high, the reading
 * time of a 1080×2400 screenshot, and peak resident memory (this JVM plus its Tesseract processes) while 4
 * pictures are read at once.
 */
@Command(name = "ocr-eval", mixinStandardHelpOptions = true,
        description = "Read corpus ads rendered as posters and chat screenshots: OCR accuracy, verdict agreement, time, memory.")
public final class OcrEvalCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE.jsonl",
            description = "labelled corpus files (default: src/test/resources/corpus/dev.jsonl)")
    List<Path> files = new ArrayList<>();

    @Option(names = "--limit", defaultValue = "0", description = "at most this many ads (0: all scam_recruit and legit_job)")
    int limit;

    @Option(names = "--screenshots", defaultValue = "12", description = "chat pages rendered by headless Chromium")
    int screenshots;

    @Option(names = "--chromium", description = "the Chromium executable (default /usr/bin/chromium)")
    String chromium = ChatScreenshots.defaultCommand();

    @Option(names = "--tesseract", defaultValue = "tesseract", description = "the tesseract executable")
    String tesseract;

    @Option(names = "--verbose", description = "print every picture's outcome")
    boolean verbose;

    @Spec
    CommandSpec spec;

    /**
     * One rendered picture: its ad, and the text drawn on it, which the reading is measured against (a poster's
     * headline is on the picture, a long ad's end is not on a chat's screen).
     */
    private record Sample(LabelledMessage ad, String style, byte[] bytes, String drawn) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> corpus = files.isEmpty() ? List.of(Path.of("src/test/resources/corpus/dev.jsonl")) : files;
        List<LabelledMessage> ads = new ArrayList<>();
        for (Path f : corpus) {
            LabelledMessage.read(f).stream().filter(m -> m.label().equals("scam_recruit") || m.label().equals("legit_job"))
                    .forEach(ads::add);
        }
        if (limit > 0 && ads.size() > limit) {
            ads = ads.subList(0, limit);
        }
        List<Sample> samples = new ArrayList<>();
        PictureSamples.Style[] styles = PictureSamples.Style.values();
        for (int i = 0; i < ads.size(); i++) {
            LabelledMessage ad = ads.get(i);
            // each ad as one poster and one chat, the styles taking turns
            PictureSamples.Style poster = i % 2 == 0 ? PictureSamples.Style.POSTER : PictureSamples.Style.POSTER_SMALL;
            PictureSamples.Style chat = styles[2 + i % 3];
            PictureSamples.Picture p = PictureSamples.draw(ad.text(), ad.lang(), poster, i);
            PictureSamples.Picture c = PictureSamples.draw(ad.text(), ad.lang(), chat, i);
            samples.add(new Sample(ad, poster.name(), p.bytes(), p.drawn()));
            samples.add(new Sample(ad, chat.name(), c.bytes(), c.drawn()));
        }
        ChatScreenshots browser = new ChatScreenshots(chromium);
        for (int i = 0; i < Math.min(screenshots, ads.size()); i++) {
            LabelledMessage ad = ads.get((i * 7) % ads.size());
            try {
                // the page hides what overflows the screen: a long ad's end may be missing and count as misread
                samples.add(new Sample(ad, "CHROMIUM", browser.render(ad.text(), ad.lang(), i), ad.text()));
            } catch (IOException e) {
                out.println("no Chromium screenshots: " + e.getMessage());
                break;
            }
        }
        RedFlagChecker checker = CheckerFactory.fromEnvironment();
        try (PictureReader reader = PictureReader.start(PictureSettings.defaults().withCommand(tesseract))) {
            Optional<String> missing = reader.unavailableLine();
            if (missing.isPresent()) {
                out.println(missing.get());
                return 1;
            }
            return report(out, checker, reader, samples);
        }
    }

    private int report(PrintWriter out, RedFlagChecker checker, PictureReader reader, List<Sample> samples)
            throws Exception {
        Map<String, double[]> accuracy = new TreeMap<>();
        int same = 0;
        int legitHigh = 0;
        int unread = 0;
        List<Long> screenshotMillis = new ArrayList<>();
        List<CompletableFuture<PictureText>> pending = new ArrayList<>();
        // two at a time, as the service reads them: the pool's queue would refuse a larger batch
        for (int i = 0; i < samples.size(); i++) {
            pending.add(reader.read(samples.get(i).bytes()));
            if (pending.size() == reader.settings().workers() || i == samples.size() - 1) {
                for (int j = 0; j < pending.size(); j++) {
                    Sample s = samples.get(i - pending.size() + 1 + j);
                    PictureText read = pending.get(j).join();
                    String text = read.text();
                    if (!read.read()) {
                        unread++;
                    }
                    double acc = CharacterAccuracy.of(s.drawn(), text);
                    for (String key : List.of(s.ad().lang(), s.ad().lang() + " " + s.style())) {
                        double[] a = accuracy.computeIfAbsent(key, k -> new double[2]);
                        a[0] += acc;
                        a[1]++;
                    }
                    if (s.style().startsWith("CHAT") || s.style().equals("CHROMIUM")) {
                        screenshotMillis.add(read.millis());
                    }
                    Verdict fromText = checker.check(s.drawn(), Optional.empty());
                    Verdict fromPicture = checker.check(text, Optional.empty());
                    if (fromText.risk() == fromPicture.risk()) {
                        same++;
                    }
                    if (s.ad().label().equals("legit_job") && fromPicture.risk() == Risk.HIGH) {
                        legitHigh++;
                    }
                    if (verbose) {
                        out.printf(Locale.ROOT, "%s %-13s %-8s acc %.3f text %-6s picture %-6s %d ms%n", s.ad().id(),
                                s.style(), read.outcome(), acc, fromText.risk().id(), fromPicture.risk().id(), read.millis());
                    }
                }
                pending.clear();
            }
        }
        out.printf(Locale.ROOT, "pictures %d (%d ads; posters, small posters, Java2D chats, %d Chromium screenshots),"
                        + " not read %d%n", samples.size(), samples.stream().map(Sample::ad).distinct().count(),
                samples.stream().filter(s -> s.style().equals("CHROMIUM")).count(), unread);
        out.println("character accuracy (1 - edit distance / length, spaces ignored):");
        accuracy.forEach((k, a) -> out.printf(Locale.ROOT, "  %-24s %.3f  (%d)%n", k, a[0] / a[1], (int) a[1]));
        out.printf(Locale.ROOT, "verdict from the picture = verdict from the text: %d of %d (%.1f %%, target >= 90 %%)%n",
                same, samples.size(), 100.0 * same / samples.size());
        out.printf(Locale.ROOT, "legitimate ads whose picture was judged high: %d (target 0)%n", legitHigh);
        screenshotMillis.sort(null);
        out.printf(Locale.ROOT, "reading a 1080x2400 screenshot, 2 at a time: p50 %d ms, p90 %d ms (target p50 < 1500 ms)%n",
                percentile(screenshotMillis, 0.5), percentile(screenshotMillis, 0.9));
        List<byte[]> screenshots = samples.stream().filter(s -> s.style().startsWith("CHAT") || s.style().equals("CHROMIUM"))
                .map(Sample::bytes).toList();
        oneAtATime(out, reader, screenshots.subList(0, Math.min(20, screenshots.size())));
        PeakMemory.Peaks peaks = PeakMemory.whileReading(reader, screenshots.subList(0, Math.min(4, screenshots.size())));
        out.printf(Locale.ROOT, "peak resident memory reading 4 screenshots at once (2 read, 2 waiting): %d MB"
                        + " (this JVM %d MB, its Tesseract processes %d MB; target < 400 MB)%n", peaks.total() >> 20,
                peaks.jvm() >> 20, peaks.tesseract() >> 20);
        out.flush();
        return 0;
    }

    /**
     * Screenshots read one after another: wall-clock time, and CPU time (this JVM's and its Tesseract processes'),
     * which other work on a shared machine does not inflate, with the load average to tell how shared it was.
     */
    private static void oneAtATime(PrintWriter out, PictureReader reader, List<byte[]> screenshots) {
        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        double load = CpuTime.loadAverage();
        for (byte[] screenshot : screenshots) {
            long cpu0 = CpuTime.nanos();
            long t0 = System.nanoTime();
            reader.read(screenshot).join();
            wall.add((System.nanoTime() - t0) / 1_000_000);
            cpu.add((CpuTime.nanos() - cpu0) / 1_000_000);
        }
        wall.sort(null);
        cpu.sort(null);
        out.printf(Locale.ROOT, "reading a 1080x2400 screenshot alone (%d of them, load average %.1f on %d cores):"
                        + " p50 %d ms, p90 %d ms; CPU time p50 %d ms, p90 %d ms%n", screenshots.size(), load,
                Runtime.getRuntime().availableProcessors(), percentile(wall, 0.5), percentile(wall, 0.9),
                percentile(cpu, 0.5), percentile(cpu, 0.9));
    }

    private static long percentile(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
    }

}
