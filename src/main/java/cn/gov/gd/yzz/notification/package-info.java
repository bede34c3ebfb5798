/**
 * Notifications (通知): residents and reviewers are told of every change that concerns them, through the in-app
 * inbox (always), SMS and the mini-app's subscription messages (by the resident's preference, per kind).
 *
 * <p>Owns {@code notification} (the outbox), {@code notification_delivery} (one row per notification and channel),
 * {@code inbox_message} and {@code notification_preference}; the outbox writer ({@code Outbox}) and the observers of
 * the other packages' events ({@code NotificationTriggers}: {@code submission}'s {@code SubmissionReceived} and
 * {@code CaseMoved}, {@code rating}'s {@code FollowUpOpened} and {@code FollowUpAnswered}), the dispatcher
 * ({@code Dispatcher}, {@code DeliveryStore}), the channel adapters ({@code SmsSender}, {@code MiniappSender}), the
 * texts ({@code Templates}, {@code messages/notifications*.properties}), the inbox and preferences endpoints, the
 * supplement deadline reminder job ({@code DeadlineWarnings}), the operators' dead-letter list, retry and health,
 * and {@code ResultNotices} for the result-ready and delivery-done notices (observers of issue 17's events).
 *
 * <p>Invariants: a notification is written in the transaction of the change it tells of, by a synchronous observer,
 * with raw JDBC on that transaction's connection (no Hibernate flush of the caller's half-done change): a change
 * rolled back leaves no notification. The outbox holds ids, codes and wire values only; texts are rendered when
 * read or sent, so no ID number or phone number can be in one; a phone number is read only to send the SMS and is
 * logged masked. Deliveries to one recipient on one channel go out in the notifications' order: a claim
 * ({@code FOR UPDATE SKIP LOCKED}, a lease) takes only the oldest pending one, so several instances never deliver
 * one twice at once nor a later one first; an outcome is written only by the claim's holder; the delivery's id is
 * the idempotency key the receiver gets on every attempt, and an inbox message is keyed by it too. A failed attempt
 * is retried with exponential backoff; after the configured attempts the delivery is dead-lettered (it then no
 * longer holds back the recipient's later ones) until an operator retries it (audited). A reminder is written once
 * per supplement request ({@code once_key}), however many instances run the job.
 *
 * <p>Depends on {@code submission}, {@code rating}, {@code catalog}, {@code identity} (the cipher of the stored SMS
 * number), {@code audit}, {@code common}. Nothing depends on it: the producers fire CDI events.
 */
package cn.gov.gd.yzz.notification;
