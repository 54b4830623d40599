package io.wms.core.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs one worker per thread, all starting at the same instant, on an executor of its own, for the concurrency tests.
 */
final class Concurrently {

    /** One thread's work, given a random source seeded by the thread's number. */
    interface Worker {
        void work(Random random) throws Exception;
    }

    private Concurrently() {
    }

    /** Starts one worker per thread at the same instant, on an executor of its own, and waits for all. */
    static void everyThreadAtOnce(int threads, Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                Random random = new Random(thread);
                workers.add(pool.submit(() -> {
                    start.await();
                    worker.work(random);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> running : workers) {
                running.get(300, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
