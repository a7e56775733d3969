package com.followthrough.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs {@code count} operations on {@code threads} client threads and returns operations per second. */
final class Load {

    private Load() {
    }

    static double perSecond(int count, int threads, IntConsumer operation) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        operation.accept(i);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Benchmark operation failed", e);
        } finally {
            pool.shutdown();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
