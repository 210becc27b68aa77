package org.jobguard.privacy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactionRecallTest {
    @Test
    void recallOnPlantedIdentifiersIsAtLeast99Percent() {
        List<PlantedIdentifiers.Message> messages = PlantedIdentifiers.generate(20261126L, 1000);
        RedactionRecall r = RedactionRecall.measure(new Redactor(), messages);
        r.misses().forEach(m -> System.out.println("MISSED " + m.type() + " " + m.written() + "  ->  " + m.output()));
        System.out.printf("planted %d, recall %.4f%n", r.planted(), r.recall());
        assertTrue(r.planted() >= 1000);
        assertTrue(r.recall() >= 0.99, "recall " + r.recall());
    }
}
