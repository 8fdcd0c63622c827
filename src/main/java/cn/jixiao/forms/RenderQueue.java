package cn.jixiao.forms;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Renders run here: at most {@code threads} at once ({@link RenderSlots}). A single render that cannot start
 * within {@code maxWait} is turned away (503, retry later); an item of a batch ({@link #forBatchItems}) waits
 * its turn behind every single render instead. A render past {@code timeout} is abandoned (503) and keeps its
 * slot until it really ends, so that the bound on CPU holds; one whose requester has gone is abandoned at once.
 * The request's log context (its id) goes along to the render thread, so that what is logged there names it:
 * an Error (out of memory), and a render that ends after its deadline. Shutting down lets renders in flight finish.
 * Reading a workbook ({@link #forWorkbooks}) takes at most half the slots (at least one): a workbook may take
 * seconds to read, and a few clients sending them must not keep every slot from the renders of everyone else.
 */
public final class RenderQueue {
    private static final Logger LOG = LoggerFactory.getLogger(RenderQueue.class);
    /** How long /healthz says not ready after an Error in a render: long enough to be seen, short enough to recover. */
    static final Duration UNSOUND_AFTER_ERROR = Duration.ofSeconds(30);
    /** How often a waiting request asks whether its client is still there. */
    private static final long PRESENCE_POLL_MS = 50;

    private final RenderSlots slots;
    private final ExecutorService executor;
    private final Duration maxWait;
    private final Duration timeout;
    private final AtomicInteger inFlight;
    private final AtomicLong lastError;
    private final boolean batchItems;
    /** The permits of workbook reads, shared by every view of these slots. */
    private final Semaphore workbookReads;
    private final boolean readsWorkbooks;

    public RenderQueue(int threads, Duration maxWait, Duration timeout) {
        this.slots = new RenderSlots(threads);
        this.maxWait = maxWait;
        this.timeout = timeout;
        this.inFlight = new AtomicInteger();
        this.lastError = new AtomicLong(Long.MIN_VALUE);
        this.batchItems = false;
        this.workbookReads = new Semaphore(Math.max(1, threads / 2), true);
        this.readsWorkbooks = false;
        AtomicInteger counter = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "render-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private RenderQueue(RenderQueue singles, boolean batchItems, boolean readsWorkbooks) {
        this.slots = singles.slots;
        this.executor = singles.executor;
        this.maxWait = singles.maxWait;
        this.timeout = singles.timeout;
        this.inFlight = singles.inFlight;
        this.lastError = singles.lastError;
        this.workbookReads = singles.workbookReads;
        this.batchItems = batchItems;
        this.readsWorkbooks = readsWorkbooks;
    }

    /** The same slots for the items of a batch already started: each waits until no single render does. */
    public RenderQueue forBatchItems() {
        return batchItems ? this : new RenderQueue(this, true, false);
    }

    /** The same slots for reading workbooks: a single request's, but at most half the slots read workbooks at once. */
    public RenderQueue forWorkbooks() {
        return readsWorkbooks ? this : new RenderQueue(this, false, true);
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Single renders and batch items waiting for a slot now. */
    public int waiting() {
        return slots.singlesWaiting() + slots.batchItemsWaiting();
    }

    int singlesWaiting() {
        return slots.singlesWaiting();
    }

    int batchItemsWaiting() {
        return slots.batchItemsWaiting();
    }

    /** False for a while after a render met an Error (out of memory): what /healthz reports besides being started. */
    public boolean sound() {
        long last = lastError.get();
        return last == Long.MIN_VALUE || System.nanoTime() - last > UNSOUND_AFTER_ERROR.toNanos();
    }

    public <T> T run(Callable<T> task) {
        take();
        Map<String, String> context = MDC.getCopyOfContextMap();
        inFlight.incrementAndGet();
        // Whoever claims the work first gives the slot back: the render thread when it starts, or the request
        // when it abandons work that never started (a cancelled task does not run, and so would keep its slot).
        AtomicBoolean claimed = new AtomicBoolean();
        long deadline = System.nanoTime() + timeout.toNanos();
        Future<T> future;
        try {
            future = executor.submit(() -> claimed.compareAndSet(false, true) ? within(context, deadline, task) : null);
        } catch (RuntimeException e) {
            giveBack();
            throw new Unavailable(Unavailable.Kind.OVERLOADED, "服务正在停止，请稍后重试");
        }
        try {
            return await(future, claimed, deadline);
        } catch (TimeoutException e) {
            abandon(future, claimed);
            LOG.warn("render abandoned at its deadline of {} ms", timeout.toMillis());
            throw new Unavailable(Unavailable.Kind.RENDER_TIMEOUT, "生成超时：超过 " + timeout.toMillis() + " 毫秒，已放弃");
        } catch (InterruptedException e) {
            abandon(future, claimed);
            Thread.currentThread().interrupt();
            throw new Unavailable(Unavailable.Kind.RENDER_TIMEOUT, "生成被中断");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void take() {
        if (slots.closed()) {
            throw new Unavailable(Unavailable.Kind.OVERLOADED, "服务正在停止，请稍后重试");
        }
        long started = System.nanoTime();
        boolean permitted = false;
        boolean taken = false;
        try {
            if (readsWorkbooks) {
                permitted = workbookReads.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
                if (!permitted) {
                    throw new Unavailable(Unavailable.Kind.OVERLOADED, "服务繁忙：正在读取的工作簿已达上限，" + maxWait.toMillis()
                            + " 毫秒内未能开始，请稍后重试");
                }
            }
            taken = batchItems ? slots.takeForBatchItem() : slots.takeForSingle(maxWait.minusNanos(System.nanoTime() - started));
            if (!taken && slots.closed()) {
                throw new Unavailable(Unavailable.Kind.OVERLOADED, "服务正在停止，请稍后重试");
            }
            if (!taken) {
                throw new Unavailable(Unavailable.Kind.OVERLOADED, "服务繁忙：" + maxWait.toMillis() + " 毫秒内未能开始，请稍后重试");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(Unavailable.Kind.OVERLOADED, "服务繁忙，请稍后重试");
        } finally {
            if (permitted && !taken) {
                workbookReads.release();
            }
        }
    }

    private void abandon(Future<?> future, AtomicBoolean claimed) {
        future.cancel(true);
        if (claimed.compareAndSet(false, true)) {
            giveBack();
        }
    }

    private void giveBack() {
        inFlight.decrementAndGet();
        slots.release();
        if (readsWorkbooks) {
            workbookReads.release();
        }
    }

    /** The result within the deadline; abandoned early when the requester is no longer there. */
    private <T> T await(Future<T> future, AtomicBoolean claimed, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        while (true) {
            long left = deadline - System.nanoTime();
            try {
                return future.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(PRESENCE_POLL_MS)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException notYet) {
                if (System.nanoTime() - deadline >= 0) {
                    throw notYet;
                }
                if (Requester.gone()) {
                    abandon(future, claimed);
                    throw new Requester.Gone();
                }
            }
        }
    }

    /**
     * The task on a render thread, under the request's log context; an Error logged there, where it happens. The
     * deadline is the request's: a render that started late and ends past it was abandoned as well.
     */
    private <T> T within(Map<String, String> context, long deadline, Callable<T> task) throws Exception {
        if (context != null) {
            MDC.setContextMap(context);
        }
        boolean stopped = false;
        try {
            return task.call();
        } catch (RuntimeException e) {
            stopped = givenUp(e);
            throw e;
        } catch (Error error) {
            lastError.set(System.nanoTime());
            LOG.error("render failed with {}; not ready for {} s", error, UNSOUND_AFTER_ERROR.toSeconds(), error);
            throw error;
        } finally {
            long late = System.nanoTime() - deadline;
            if (late > 0) {
                LOG.warn("render {} {} ms after its deadline of {} ms", stopped ? "stopped at a checkpoint" : "ended",
                        late / 1_000_000, timeout.toMillis());
            }
            giveBack();
            MDC.clear();
        }
    }

    /** Whether a render ended at a checkpoint of {@link cn.jixiao.forms.render.Interrupts}, whatever wrapped it on the way out. */
    private static boolean givenUp(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CancellationException) {
                return true;
            }
        }
        return false;
    }

    /** Turns new work away and waits until what is in flight has ended, at most {@code grace}. */
    public boolean drain(Duration grace) {
        try {
            boolean idle = slots.close(grace);
            executor.shutdown();
            return idle;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
