package org.civicplatform.core.allocation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** A run's chunk buffers are reused once given back: the smallest that fits, never one in use. */
class BuffersTest {

  @Test
  void aGivenBackBufferIsTakenAgainTheSmallestThatFitsAndNeverTwice() {
    AllocationEngine.Buffers buffers = new AllocationEngine.Buffers();
    byte[] large = buffers.take(3_000_000);
    byte[] small = buffers.take(400_000);
    assertEquals(3_000_000, large.length);
    buffers.give(large);
    buffers.give(small);
    assertSame(small, buffers.take(300_000), "the smallest free buffer that fits");
    assertSame(large, buffers.take(300_000), "then the next one");
    assertNotSame(large, buffers.take(300_000), "a buffer in use is not handed out again");
  }
}
