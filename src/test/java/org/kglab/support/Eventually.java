package org.kglab.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something that happens asynchronously, such as the relay projecting into Neo4j. */
public final class Eventually {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private Eventually() {
    }

    public static void await(String what, BooleanSupplier condition) {
        await(what, DEFAULT_TIMEOUT, condition);
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for: " + what, e);
            }
        }
    }
}
