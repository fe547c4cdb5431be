/**
 * RFC 9457 problem documents: every error leaves the API as {@code application/problem+json} with a
 * stable {@code type}, a Chinese and an English title and detail, and the offending fields. One set of
 * exception mappers here; resources never build error responses by hand. No stack trace ever leaves.
 */
package org.civicplatform.core.problems;
