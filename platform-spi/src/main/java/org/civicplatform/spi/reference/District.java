package org.civicplatform.spi.reference;

import org.civicplatform.spi.LocalizedText;

/** A district of a tenant (区镇 in Kunshan, 街道 in Siming). Data, never an enum. */
public record District(String code, LocalizedText name) {}
