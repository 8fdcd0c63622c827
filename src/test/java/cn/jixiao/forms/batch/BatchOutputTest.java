package cn.jixiao.forms.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a batch writes: bounded and cut off for good on failure; its ZIP entries named within 255 bytes. */
class BatchOutputTest {
    @Test
    void bytesBeyondTheBoundAreRefusedAndNothingMoreReachesTheClient() throws IOException {
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        IllegalStateException beyond = new IllegalStateException("beyond");
        BatchOutput out = new BatchOutput(client, 10, (bytes, limit) -> beyond);
        out.write(new byte[8]);
        assertSame(beyond, assertThrows(IllegalStateException.class, () -> out.write(new byte[3])));
        out.write(new byte[1]);
        out.close();
        assertEquals(8, client.size());
    }

    @Test
    void aSeveredOutputPassesNothingOn() throws IOException {
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        BatchOutput out = new BatchOutput(client);
        out.write("PK".getBytes(StandardCharsets.US_ASCII));
        out.sever();
        out.write(new byte[100]);
        out.close();
        assertArrayEquals("PK".getBytes(StandardCharsets.US_ASCII), client.toByteArray());
    }

    private static int bytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void longNamesAreCutByBytesOnACharacterBoundaryAndStayUnique() {
        // 80 characters of CJK Extension B (4 bytes each) and of the common block (3 bytes each)
        for (String character : new String[]{"\uD840\uDC00", "绩", "a"}) {
            String name = character.repeat(80) + "-项目支出绩效跟踪表";
            Set<String> taken = new HashSet<>();
            Set<String> names = new LinkedHashSet<>();
            for (int i = 0; i < 12; i++) {
                String unique = BatchFiles.unique(name, taken, BatchFiles.MAX_NAME_BYTES - ".docx".length());
                assertTrue(bytes(unique + ".docx") <= BatchFiles.MAX_NAME_BYTES, unique + ": " + bytes(unique + ".docx"));
                assertEquals(unique, new String(unique.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                        "whole characters only");
                assertTrue(names.add(unique), "unique: " + unique);
            }
            assertEquals(BatchFiles.cut(name, 250), names.iterator().next(), "the first keeps as much of the name as fits");
        }
        assertEquals("绩绩", BatchFiles.cut("绩绩绩", 8));
        assertEquals("\uD840\uDC00", BatchFiles.cut("\uD840\uDC00\uD840\uDC00", 7));
        assertEquals("short-项目支出绩效跟踪表", BatchFiles.unique("short-项目支出绩效跟踪表", new HashSet<>(), 250));
    }
}
