package com.clickairtime.balance.client;

import java.time.Duration;

/** How the client waits between retries: the real clock, or a test's recording. */
@FunctionalInterface
interface Sleeper {

    Sleeper REAL = delay -> Thread.sleep(delay.toMillis());

    void sleep(Duration delay) throws InterruptedException;
}
