package vn.tcxd.platform;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** However many background jobs are started, only as many as the slots run at once; the others wait. */
class BoundedBackgroundWorkTests {

    @Test
    void shouldRunNoMoreJobsAtOnceThanItHasSlots() throws InterruptedException {
        BoundedBackgroundWork work = new BoundedBackgroundWork(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(6);

        for (int i = 0; i < 6; i++) {
            work.start("job-" + i, () -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.decrementAndGet();
                    done.countDown();
                }
            });
        }
        Thread.sleep(300);
        assertThat(running.get()).isEqualTo(2);
        assertThat(work.free()).isZero();
        release.countDown();

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(most.get()).isEqualTo(2);
        assertThat(work.free()).isEqualTo(2);
    }
}
