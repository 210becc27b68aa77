package org.jobguard.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent by this JVM and by the child processes it has waited for (Linux /proc), for figures that move less
 * than wall-clock time on a machine shared with other work.
 */
final class CpuTime {
    /** The kernel's clock ticks per second, which /proc counts in: 100 on every Linux architecture Java runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private CpuTime() {
    }

    /** This JVM's and its finished child processes' CPU time so far, in nanoseconds. */
    static long nanos() {
        long own = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
        return own + children();
    }

    /** cutime + cstime of /proc/self/stat: user and system time of the children waited for; 0 off Linux. */
    private static long children() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // the command name (field 2) may hold spaces; the fields after its closing parenthesis are numbers
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            // fields 16 and 17 of the line, 14 and 15 counted from field 3
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * (1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The load average over the last minute, as /proc/loadavg says; -1 off Linux. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
