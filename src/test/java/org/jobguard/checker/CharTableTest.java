package org.jobguard.checker;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class CharTableTest {
    @Test
    void theTableInTheJarEqualsAFreshComputation() {
        assertEquals(CharTableSource.compute(), CharTable.shared(),
                "the character table resource is stale: rebuild with mvn process-classes");
    }

    @Test
    void expansionsAndScriptsSurviveTheRoundTrip() {
        CharTable table = CharTable.shared();
        assertEquals("kg", table.output('㎏'));
        assertEquals('这', (char) table.packed('這'));
        assertEquals(CharTable.TRADITIONAL_BIT, table.packed('這') & CharTable.TRADITIONAL_BIT);
        assertEquals(CharTable.CJK, (byte) (table.packed('這') >>> 16));
        assertNotNull(table.output('\0'));
    }
}
