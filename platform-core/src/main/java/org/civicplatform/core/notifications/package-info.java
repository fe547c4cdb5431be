/**
 * Notifications: the {@link org.civicplatform.core.notifications.NotificationGateway} every component
 * sends text messages through, and its default implementation, a PostgreSQL outbox ({@code sms_outbox})
 * written in the sender's transaction. A provider adapter replaces or drains it; development and tests
 * read it through {@code GET /api/dev/sms-outbox?mobile=…}, off unless
 * {@code platform.notifications.outbox-endpoint.enabled=true}.
 */
package org.civicplatform.core.notifications;
