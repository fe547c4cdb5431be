package org.civicplatform.core.reports.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReportsTest {

  @Test
  void aPlainCellIsWrittenAsItIs() {
    assertEquals("hq", Reports.cell("hq"));
  }

  @Test
  void aCellWithACommaOrQuoteIsQuotedWithQuotesDoubled() {
    assertEquals("\"a,\"\"b\"\"\"", Reports.cell("a,\"b\""));
  }

  @Test
  void aCellThatExcelWouldReadAsAFormulaIsPrefixedWithAnApostrophe() {
    assertEquals("'=1+1", Reports.cell("=1+1"));
    assertEquals("'-2", Reports.cell("-2"));
  }
}
