package com.followthrough.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU time of other processes, from Linux's {@code /proc/<pid>/stat} (user + system). Empty where there is no
 * {@code /proc} or the process is gone: a figure that could not be read is reported as not measured, never as zero.
 */
final class ProcessCpu {

    /** /proc reports in clock ticks of USER_HZ, which the kernel fixes at 100 per second for user space. */
    private static final long MILLIS_PER_TICK = 10;

    // Indexes into the fields after the command name: state is 0, so field n of proc(5) is n - 3.
    private static final int PPID = 4 - 3;
    private static final int UTIME = 14 - 3;
    private static final int STIME = 15 - 3;
    private static final int CUTIME = 16 - 3;
    private static final int CSTIME = 17 - 3;

    private ProcessCpu() {
    }

    /** User + system CPU of one process (all its threads), in ms. */
    static OptionalLong millis(long pid) {
        long[] fields = stat(pid);
        return fields == null ? OptionalLong.empty() : OptionalLong.of((fields[UTIME] + fields[STIME]) * MILLIS_PER_TICK);
    }

    /** Sum of {@link #millis} over the processes; empty if any could not be read. */
    static OptionalLong millis(List<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            OptionalLong one = millis(pid);
            if (one.isEmpty()) {
                return OptionalLong.empty();
            }
            total += one.getAsLong();
        }
        return OptionalLong.of(total);
    }

    /**
     * A server and its worker processes (PostgreSQL's postmaster and its backends and background processes): the root's
     * own CPU, its children's that have exited (the kernel adds them to the root's cutime/cstime when it reaps them),
     * and its live children's. A backend that ends between two readings therefore still counts.
     */
    static OptionalLong treeMillis(long rootPid) {
        long[] root = stat(rootPid);
        if (root == null) {
            return OptionalLong.empty();
        }
        long ticks = root[UTIME] + root[STIME] + root[CUTIME] + root[CSTIME];
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
                long[] child = stat(Long.parseLong(process.getFileName().toString()));
                if (child != null && child[PPID] == rootPid) {
                    ticks += child[UTIME] + child[STIME];
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(ticks * MILLIS_PER_TICK);
    }

    /** The parent of a process, if it can be read. */
    static OptionalLong parent(long pid) {
        long[] fields = stat(pid);
        return fields == null ? OptionalLong.empty() : OptionalLong.of(fields[PPID]);
    }

    /** The numeric fields of /proc/pid/stat after the command name (which may hold spaces and parentheses). */
    private static long[] stat(long pid) {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
        long[] numbers = new long[CSTIME + 1];
        for (int i = 1; i <= CSTIME; i++) {
            numbers[i] = Long.parseLong(fields[i]);
        }
        return numbers;
    }
}
