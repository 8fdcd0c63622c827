package cn.jixiao.forms;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The render slots, single renders served first: an item of a batch takes a free slot only while no single
 * render waits for one, so that batches fill the idle time and never make a single render wait behind them.
 * A single render waits at most its {@code maxWait}; an item of a batch already started waits its turn. Each
 * kind is served in the order it came (a fair lock, and a condition's waiters are signalled oldest first).
 */
final class RenderSlots {
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition singleTurn = lock.newCondition();
    private final Condition batchTurn = lock.newCondition();
    private final int slots;
    private int free;
    private int singlesWaiting;
    private int batchItemsWaiting;
    private boolean closed;

    RenderSlots(int slots) {
        this.slots = slots;
        this.free = slots;
    }

    /** A slot for a single render, within {@code maxWait}; false when none came free in time, or when closed. */
    boolean takeForSingle(Duration maxWait) throws InterruptedException {
        lock.lock();
        try {
            long nanos = maxWait.toNanos();
            singlesWaiting++;
            try {
                while (free == 0 && !closed) {
                    if (nanos <= 0) {
                        return false;
                    }
                    nanos = singleTurn.awaitNanos(nanos);
                }
                return take();
            } finally {
                singlesWaiting--;
                passOn();
            }
        } finally {
            lock.unlock();
        }
    }

    /** A slot for an item of a batch, once no single render waits for one; false when closed. */
    boolean takeForBatchItem() throws InterruptedException {
        lock.lock();
        try {
            batchItemsWaiting++;
            try {
                while ((free == 0 || singlesWaiting > 0) && !closed) {
                    batchTurn.await();
                }
                return take();
            } finally {
                batchItemsWaiting--;
                passOn();
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean take() {
        if (closed) {
            return false;
        }
        free--;
        return true;
    }

    void release() {
        lock.lock();
        try {
            free++;
            passOn();
        } finally {
            lock.unlock();
        }
    }

    /** A free slot goes to the oldest single render waiting, else to the oldest batch item. */
    private void passOn() {
        if (closed) {
            singleTurn.signalAll();
            batchTurn.signalAll();
        } else if (free > 0 && singlesWaiting > 0) {
            singleTurn.signal();
        } else if (free > 0 && batchItemsWaiting > 0) {
            batchTurn.signal();
        }
    }

    /** Hands out no more slots, and waits until every slot taken is given back, at most {@code grace}. */
    boolean close(Duration grace) throws InterruptedException {
        lock.lock();
        try {
            closed = true;
            passOn();
            long nanos = grace.toNanos();
            while (free < slots) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = batchTurn.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    boolean closed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Single renders waiting for a slot now. */
    int singlesWaiting() {
        lock.lock();
        try {
            return singlesWaiting;
        } finally {
            lock.unlock();
        }
    }

    /** Items of batches waiting for a slot now. */
    int batchItemsWaiting() {
        lock.lock();
        try {
            return batchItemsWaiting;
        } finally {
            lock.unlock();
        }
    }
}
