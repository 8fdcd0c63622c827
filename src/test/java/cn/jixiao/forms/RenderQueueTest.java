package cn.jixiao.forms;

import cn.jixiao.forms.testing.LoggedLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The render slots handed out single renders first, batch items waiting their turn without a time limit, and what
 * a render thread logs naming the request it works for. Every wait here is for a state, never for a time.
 */
class RenderQueueTest {
    private static final Duration LONG = Duration.ofMinutes(5);
    private LoggedLines lines;
    private final List<Thread> started = new ArrayList<>();

    @BeforeEach
    void listen() {
        lines = LoggedLines.of(RenderQueue.class);
    }

    @AfterEach
    void stopListening() throws InterruptedException {
        lines.close();
        for (Thread thread : started) {
            thread.interrupt();
            thread.join(10_000);
        }
    }

    private Thread start(Runnable work) {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        started.add(thread);
        thread.start();
        return thread;
    }

    private static void until(BooleanSupplier state) throws InterruptedException {
        while (!state.getAsBoolean()) {
            Thread.sleep(1);
        }
    }

    /** Waits for {@code release} deaf to interrupts, as code that never checks them would, without taking a core. */
    private static void deafUntil(CountDownLatch release) {
        while (release.getCount() > 0) {
            try {
                release.await();
            } catch (InterruptedException deaf) {
                // the interrupt is cleared by the throw; wait on
            }
        }
    }

    /** Takes the one slot of {@code queue} until {@code release} counts down. */
    private void occupy(RenderQueue queue, CountDownLatch release) throws InterruptedException {
        start(() -> queue.run(() -> {
            release.await();
            return null;
        }));
        until(() -> queue.inFlight() == 1);
    }

    @Test
    void aSingleRenderTakesTheSlotBeforeABatchItemThatWaitedLonger() throws Exception {
        RenderQueue queue = new RenderQueue(1, LONG, LONG);
        CountDownLatch release = new CountDownLatch(1);
        occupy(queue, release);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        Thread batchItem = start(() -> queue.forBatchItems().run(() -> order.add("batch item")));
        until(() -> queue.batchItemsWaiting() == 1);
        Thread single = start(() -> queue.run(() -> order.add("single")));
        until(() -> queue.singlesWaiting() == 1);
        release.countDown();
        batchItem.join();
        single.join();
        assertEquals(List.of("single", "batch item"), order);
    }

    @Test
    void batchItemsAreServedInTheOrderTheyCame() throws Exception {
        RenderQueue queue = new RenderQueue(1, LONG, LONG).forBatchItems();
        CountDownLatch release = new CountDownLatch(1);
        occupy(queue, release);
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<Thread> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int item = i;
            items.add(start(() -> queue.run(() -> order.add(item))));
            until(() -> queue.batchItemsWaiting() == item + 1);
        }
        release.countDown();
        for (Thread item : items) {
            item.join();
        }
        assertEquals(List.of(0, 1, 2, 3), order);
    }

    @Test
    void aBatchItemWaitsPastTheQueueWaitThatTurnsASingleRenderAway() throws Exception {
        RenderQueue queue = new RenderQueue(1, Duration.ZERO, LONG);
        CountDownLatch release = new CountDownLatch(1);
        occupy(queue, release);
        AtomicBoolean rendered = new AtomicBoolean();
        Thread batchItem = start(() -> queue.forBatchItems().run(() -> {
            rendered.set(true);
            return null;
        }));
        until(() -> queue.batchItemsWaiting() == 1);
        Unavailable refused = assertThrows(Unavailable.class, () -> queue.run(() -> null));
        assertEquals(Unavailable.Kind.OVERLOADED, refused.kind());
        assertEquals(1, queue.batchItemsWaiting(), "the batch item still waits");
        release.countDown();
        batchItem.join();
        assertTrue(rendered.get());
    }

    @Test
    void workbookReadsTakeAtMostHalfTheSlotsAndASingleRenderTheRest() throws Exception {
        RenderQueue queue = new RenderQueue(2, Duration.ZERO, LONG);
        RenderQueue workbooks = queue.forWorkbooks();
        CountDownLatch release = new CountDownLatch(1);
        start(() -> workbooks.run(() -> {
            release.await();
            return null;
        }));
        until(() -> queue.inFlight() == 1);
        Unavailable refused = assertThrows(Unavailable.class, () -> workbooks.run(() -> "a second workbook"));
        assertEquals(Unavailable.Kind.OVERLOADED, refused.kind(), "one slot of two reads workbooks");
        assertEquals("a render", queue.run(() -> "a render"), "the other slot is free for everyone else");
        release.countDown();
        until(() -> queue.inFlight() == 0);
        assertEquals("a second workbook", workbooks.run(() -> "a second workbook"), "the permit came back with the slot");
    }

    @Test
    void aWorkbookReadAbandonedAtItsDeadlineKeepsItsPermitUntilItEnds() throws Exception {
        // a deadline that the last, trivial read meets even on a machine busy with other work
        RenderQueue workbooks = new RenderQueue(2, Duration.ZERO, Duration.ofMillis(500)).forWorkbooks();
        CountDownLatch release = new CountDownLatch(1);
        assertThrows(Unavailable.class, () -> workbooks.run(() -> {
            deafUntil(release);
            return null;
        }));
        assertThrows(Unavailable.class, () -> workbooks.run(() -> null), "the read still runs, and still counts");
        release.countDown();
        until(() -> workbooks.inFlight() == 0);
        assertEquals(1, workbooks.run(() -> 1));
    }

    @Test
    void anErrorIsLoggedWithTheRequestAndTheQueueIsUnsoundForAWhile() {
        RenderQueue queue = new RenderQueue(1, LONG, LONG);
        assertTrue(queue.sound());
        MDC.put("request", "req-oom-1");
        try {
            assertThrows(OutOfMemoryError.class, () -> queue.run(() -> {
                throw new OutOfMemoryError("Java heap space");
            }));
        } finally {
            MDC.remove("request");
        }
        assertFalse(queue.sound(), "not ready just after an Error");
        ILoggingEvent line = loggedWith("req-oom-1", Level.ERROR);
        assertTrue(line.getFormattedMessage().contains("OutOfMemoryError"), line.getFormattedMessage());
        assertEquals(1, queue.run(() -> 1), "the queue keeps serving");
    }

    @Test
    void aRenderPastItsDeadlineIsLoggedWithTheRequestWhenAbandonedAndWhenItEnds() throws Exception {
        // long enough that the render starts within it on a busy machine, and so is abandoned while it runs
        Duration deadline = Duration.ofMillis(500);
        RenderQueue queue = new RenderQueue(1, LONG, deadline);
        CountDownLatch running = new CountDownLatch(1);
        AtomicLong startedAt = new AtomicLong();
        CountDownLatch release = new CountDownLatch(1);
        MDC.put("request", "req-slow-2");
        try {
            Unavailable abandoned = assertThrows(Unavailable.class, () -> queue.run(() -> {
                startedAt.set(System.nanoTime());
                running.countDown();
                deafUntil(release);
                return null;
            }));
            assertEquals(Unavailable.Kind.RENDER_TIMEOUT, abandoned.kind());
        } finally {
            MDC.remove("request");
        }
        assertTrue(loggedWith("req-slow-2", Level.WARN).getFormattedMessage().contains("abandoned at its deadline"));
        // the render itself, started a little after the request, ends past its deadline once it has run that long
        running.await();
        until(() -> System.nanoTime() - startedAt.get() > deadline.toNanos());
        release.countDown();
        until(() -> queue.inFlight() == 0);
        until(() -> lines.any(l -> l.getFormattedMessage().contains("after its deadline")
                && "req-slow-2".equals(l.getMDCPropertyMap().get("request"))));
    }

    @Test
    void aRenderWhoseClientWentAwayIsStoppedAtOnce() throws Exception {
        RenderQueue queue = new RenderQueue(1, LONG, LONG);
        AtomicBoolean present = new AtomicBoolean(true);
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean gone = new AtomicBoolean();
        Thread request = start(() -> {
            try {
                Requester.whilePresent(present::get, () -> queue.run(() -> {
                    running.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException stopped) {
                        interrupted.set(true);
                    }
                    return null;
                }));
            } catch (Requester.Gone e) {
                gone.set(true);
            }
        });
        running.await();
        present.set(false);
        request.join();
        until(() -> queue.inFlight() == 0);
        assertTrue(gone.get(), "the request learned that its client went away");
        assertTrue(interrupted.get(), "the render was interrupted");
    }

    private ILoggingEvent loggedWith(String request, Level level) {
        return lines.all().stream()
                .filter(l -> l.getLevel() == level && request.equals(l.getMDCPropertyMap().get("request")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + level + " line names " + request + ": " + lines));
    }
}
