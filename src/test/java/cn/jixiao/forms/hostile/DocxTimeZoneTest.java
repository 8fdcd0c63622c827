package cn.jixiao.forms.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.TestServer;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** A DOCX is the same whatever time zone the host is in. */
@Isolated("sets the JVM's default time zone, which every test running beside it would see")
class DocxTimeZoneTest {

    @Test
    void docxBytesDoNotDependOnTheHostsTimeZone() {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            byte[] utc = TestServer.render("performance-tracking", TestServer.example("performance-tracking"), OutputFormat.DOCX).bytes();
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            byte[] pacific = TestServer.render("performance-tracking", TestServer.example("performance-tracking"), OutputFormat.DOCX).bytes();
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
            byte[] shanghai = TestServer.render("performance-tracking", TestServer.example("performance-tracking"), OutputFormat.DOCX).bytes();
            assertArrayEquals(utc, pacific);
            assertArrayEquals(utc, shanghai);
        } finally {
            TimeZone.setDefault(original);
        }
    }
}
