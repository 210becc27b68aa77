package org.jobguard.cli;

import org.jobguard.config.RiskModelFile;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `train` on the repository's training corpora writes exactly the shipped model file. */
class RiskModelReproducibilityTest {

    @Test
    void trainingTheShippedCorporaGivesTheShippedModel() throws Exception {
        StringWriter figures = new StringWriter();
        String trained = TrainCommand.train(CheckerFactory.featureReader(),
                TrainCommand.TRAINING_FILES.stream().map(Path::of).toList(), TrainCommand.DEFAULT_C,
                new PrintWriter(figures));
        String shipped = Files.readString(Path.of("config", RiskModelFile.NAME), StandardCharsets.UTF_8);
        assertEquals(shipped.length(), trained.length(),
                "config/risk-model.json is not what `train` makes of the corpora: run `java -jar target/jobguard.jar train`");
        assertEquals(shipped, trained);
        assertTrue(figures.toString().contains("recall scam_recruit+ransom"), figures.toString());
    }

    @Test
    void aDifferentCorpusGivesADifferentModel() {
        String smaller = TrainCommand.train(CheckerFactory.featureReader(),
                java.util.List.of(Path.of("src/test/resources/corpus/dev.jsonl")), TrainCommand.DEFAULT_C,
                new PrintWriter(new StringWriter()));
        String again = TrainCommand.train(CheckerFactory.featureReader(),
                java.util.List.of(Path.of("src/test/resources/corpus/dev.jsonl")), TrainCommand.DEFAULT_C,
                new PrintWriter(new StringWriter()));
        assertEquals(smaller, again, "two fits on the same file differ");
        assertTrue(!smaller.equals(readShipped()), "a model fitted on dev.jsonl alone equals the shipped one");
    }

    private static String readShipped() {
        try {
            return Files.readString(Path.of("config", RiskModelFile.NAME), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
