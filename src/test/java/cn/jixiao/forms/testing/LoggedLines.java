package cn.jixiao.forms.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * The lines one logger writes while a test runs, safe to read from the test's thread while other threads log.
 * An event reads its MDC lazily, on the first thread that asks; this captures it where it was logged, so a
 * line's request id is the one of the thread that wrote it.
 */
public final class LoggedLines extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final Logger logger;
    private final List<ILoggingEvent> lines = new CopyOnWriteArrayList<>();

    private LoggedLines(String name) {
        this.logger = (Logger) LoggerFactory.getLogger(name);
    }

    /** Starts listening to the logger named {@code name}; {@link #close()} stops. */
    public static LoggedLines of(String name) {
        LoggedLines lines = new LoggedLines(name);
        lines.setContext(lines.logger.getLoggerContext());
        lines.start();
        lines.logger.addAppender(lines);
        return lines;
    }

    public static LoggedLines of(Class<?> type) {
        return of(type.getName());
    }

    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        lines.add(event);
    }

    /** The lines so far, in the order they were logged. */
    public List<ILoggingEvent> all() {
        return List.copyOf(lines);
    }

    public boolean any(Predicate<ILoggingEvent> line) {
        return lines.stream().anyMatch(line);
    }

    public long count(Predicate<ILoggingEvent> line) {
        return lines.stream().filter(line).count();
    }

    /** Whether a line's message contains {@code words}. */
    public boolean anyContaining(String words) {
        return any(line -> line.getFormattedMessage().contains(words));
    }

    public int size() {
        return lines.size();
    }

    @Override
    public String toString() {
        return lines.toString();
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }
}
