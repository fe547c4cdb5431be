/**
 * What a tenant says about its parents' accounts: self-registration by mobile number (with the prefix of
 * its registration numbers) or a minimum real-name level vouched for by a city portal. The core enforces
 * both without knowing which tenant asks.
 */
package org.civicplatform.spi.identity;
