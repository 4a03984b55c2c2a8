package vn.tcxd.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.tcxd.shared.BackgroundWork;

import java.util.concurrent.Semaphore;

/**
 * {@link BackgroundWork} with a fixed number of slots ({@code tcxd.background.concurrency}, default 2): with the
 * pool's 20 connections, background work holds a handful at most and the web keeps the rest. A 79 s period-end
 * freeze next to imports and exports once left logins waiting for connections until they timed out.
 */
@Component
class BoundedBackgroundWork implements BackgroundWork {

    private final Semaphore slots;

    BoundedBackgroundWork(@Value("${tcxd.background.concurrency:2}") int concurrency) {
        this.slots = new Semaphore(Math.max(concurrency, 1), true);
    }

    @Override
    public void start(String name, Runnable work) {
        Thread.ofVirtual().name(name).start(() -> run(work));
    }

    @Override
    public void run(Runnable work) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            work.run();
        } finally {
            slots.release();
        }
    }

    int free() {
        return slots.availablePermits();
    }
}
