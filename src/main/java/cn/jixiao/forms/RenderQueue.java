package cn.jixiao.forms;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Renders run here: at most {@code threads} at once. A request that cannot start within {@code maxWait}
 * is turned away (503, retry later); a render past {@code timeout} is abandoned (503) and keeps its slot
 * until it really ends, so that the bound on CPU holds. Shutting down lets renders in flight finish.
 */
public final class RenderQueue {
    private final Semaphore slots;
    private final int threads;
    private final ExecutorService executor;
    private final Duration maxWait;
    private final Duration timeout;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    public RenderQueue(int threads, Duration maxWait, Duration timeout) {
        this.threads = threads;
        this.slots = new Semaphore(threads, true);
        this.maxWait = maxWait;
        this.timeout = timeout;
        AtomicInteger counter = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "render-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public int inFlight() {
        return inFlight.get();
    }

    public <T> T run(Callable<T> task) {
        if (draining) {
            throw new Unavailable(Unavailable.Kind.OVERLOADED, "服务正在停止，请稍后重试");
        }
        try {
            if (!slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Unavailable(Unavailable.Kind.OVERLOADED, "服务繁忙：" + maxWait.toMillis() + " 毫秒内未能开始，请稍后重试");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(Unavailable.Kind.OVERLOADED, "服务繁忙，请稍后重试");
        }
        inFlight.incrementAndGet();
        Future<T> future;
        try {
            future = executor.submit(() -> {
                try {
                    return task.call();
                } finally {
                    inFlight.decrementAndGet();
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            slots.release();
            throw new Unavailable(Unavailable.Kind.OVERLOADED, "服务正在停止，请稍后重试");
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Unavailable(Unavailable.Kind.RENDER_TIMEOUT, "生成超时：超过 " + timeout.toMillis() + " 毫秒，已放弃");
        } catch (InterruptedException e) {
            future.cancel(true);
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

    /** Turns new work away and waits until what is in flight has ended, at most {@code grace}. */
    public boolean drain(Duration grace) {
        draining = true;
        try {
            boolean idle = slots.tryAcquire(threads, grace.toMillis(), TimeUnit.MILLISECONDS);
            executor.shutdown();
            return idle;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
