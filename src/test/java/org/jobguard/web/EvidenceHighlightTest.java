package org.jobguard.web;

import org.jobguard.checker.Category;
import org.jobguard.checker.RedFlag;
import org.jobguard.checker.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvidenceHighlightTest {
    private static RedFlag flag(Severity s, int start, int end) {
        return new RedFlag("r" + start, Category.URGENCY, s, "", start, end, "flag.urgency");
    }

    @Test
    void codePointOffsetsAreConvertedPastSurrogatePairs() {
        String text = "😀😀扣护照 ok";
        List<EvidenceHighlight.Segment> parts = EvidenceHighlight.split(text, List.of(flag(Severity.STRONG, 2, 5)));
        assertEquals(3, parts.size());
        assertEquals("😀😀", parts.get(0).text());
        assertEquals("扣护照", parts.get(1).text());
        assertTrue(parts.get(1).marked());
        assertEquals(" ok", parts.get(2).text());
    }

    @Test
    void overlappingFlagsSplitAtEveryBoundaryAndKeepTheText() {
        String text = "abcdefgh";
        List<EvidenceHighlight.Segment> parts = EvidenceHighlight.split(text,
                List.of(flag(Severity.WEAK, 1, 5), flag(Severity.STRONG, 3, 7)));
        assertEquals(List.of("a", "bc", "de", "fg", "h"), parts.stream().map(EvidenceHighlight.Segment::text).toList());
        assertEquals("strong", parts.get(2).severity(), "the strongest covering flag colours the overlap");
        assertEquals(2, parts.get(2).flags().size());
    }

    @Test
    void offsetsOutsideTheTextAreClampedNotThrown() {
        List<EvidenceHighlight.Segment> parts = EvidenceHighlight.split("短文", List.of(flag(Severity.MEDIUM, 1, 99),
                flag(Severity.WEAK, -3, 0)));
        assertEquals("短文", String.join("", parts.stream().map(EvidenceHighlight.Segment::text).toList()));
        assertEquals("文", parts.get(1).text());
    }
}
