package org.civicplatform.core.registry.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import org.civicplatform.spi.registry.RegistryUnavailable;
import org.eclipse.microprofile.config.Config;

/**
 * The artificial latency and failure rate of the simulated registries, from configuration
 * ({@code platform.registries.simulated.latency-ms}, {@code platform.registries.simulated.failure-rate},
 * 0.0–1.0) and changeable at run time by tests through {@code dev/registries}. Failures are
 * deterministic: of every 100 calls the first {@code rate × 100} fail.
 */
@ApplicationScoped
public class SimulatedConditions {

  static final String FAILURE_RATE = "platform.registries.simulated.failure-rate";
  static final String LATENCY = "platform.registries.simulated.latency-ms";

  @Inject Config config;

  private volatile double failureRate;
  private volatile long latencyMs;
  private final AtomicLong calls = new AtomicLong();

  @PostConstruct
  void init() {
    failureRate = config.getOptionalValue(FAILURE_RATE, Double.class).orElse(0.0);
    latencyMs = config.getOptionalValue(LATENCY, Long.class).orElse(0L);
  }

  public void set(double failureRate, long latencyMs) {
    this.failureRate = Math.max(0.0, Math.min(1.0, failureRate));
    this.latencyMs = Math.max(0L, latencyMs);
    calls.set(0);
  }

  public double failureRate() {
    return failureRate;
  }

  public long latencyMs() {
    return latencyMs;
  }

  /** Waits the configured latency, then fails when this call falls in the failure share. */
  void call(String registry) {
    long latency = latencyMs;
    if (latency > 0) {
      try {
        Thread.sleep(latency);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryUnavailable(registry, e);
      }
    }
    long n = calls.getAndIncrement() % 100;
    if (n < Math.round(failureRate * 100)) {
      throw new RegistryUnavailable(registry, null);
    }
  }
}
