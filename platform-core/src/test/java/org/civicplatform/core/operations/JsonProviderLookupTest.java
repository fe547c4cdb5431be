package org.civicplatform.core.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonProviderLookupTest {

  @Test
  void aJvmWithoutTheProviderPropertyIsToldTheOptionThatNamesIt() {
    String advice = JsonProviderLookup.advice(null).orElseThrow();
    assertTrue(advice.contains("-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl"), advice);
    assertTrue(JsonProviderLookup.advice(" ").isPresent());
  }

  @Test
  void aJvmWithThePropertyGetsNoWarning() {
    assertEquals(Optional.empty(), JsonProviderLookup.advice("org.eclipse.parsson.JsonProviderImpl"));
  }
}
