package com.followthrough.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap of this JVM while a scenario runs in it: the largest used heap sampled every 200 ms (garbage included, so it
 * depends on {@code -Xmx}), and the live heap, used after a full GC ({@code System.gc()}, a full collection with G1).
 */
final class HeapSampler implements AutoCloseable {

    private static final double MB = 1024 * 1024;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong peak = new AtomicLong();

    private HeapSampler() {
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max), 0,
                200, TimeUnit.MILLISECONDS);
    }

    static HeapSampler start() {
        return new HeapSampler();
    }

    double peakMb() {
        return peak.get() / MB;
    }

    double liveMb() {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed() / MB;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
