import { z } from 'zod';
import { NOTIFICATION_EVENTS, PERSONAL_CHANNELS } from '../notifications/events.ts';
import { ZId, ZName } from './common.ts';

/** Contracts of the inbox, notification preferences, webhooks and the delivery log. */

export const ZNotificationEvent = z.enum(NOTIFICATION_EVENTS, { error: `must be one of: ${NOTIFICATION_EVENTS.join(', ')}` });
export const ZPersonalChannel = z.enum(PERSONAL_CHANNELS, { error: `must be one of: ${PERSONAL_CHANNELS.join(', ')}` });

export const ZNotification = z.object({
  id: ZId,
  event: ZNotificationEvent,
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type NotificationDto = z.infer<typeof ZNotification>;

export const ZInboxQuery = z.object({
  unread: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
});

export const ZInboxPage = z.object({ items: z.array(ZNotification), nextCursor: z.string().nullable(), unread: z.number().int() });

/** Either some notifications by id, or all of them. */
export const ZMarkRead = z
  .object({
    ids: z.array(ZId).min(1, { error: 'must name at least one notification' }).max(500, { error: 'must be at most 500 ids' }).optional(),
    all: z.literal(true, { error: 'must be true' }).optional(),
  })
  .refine((body) => (body.ids === undefined) !== (body.all === undefined), { error: 'give either ids or all: true', path: ['ids'] });

export const ZMarkReadResult = z.object({ marked: z.number().int(), unread: z.number().int() });

export const ZPreference = z.object({
  event: ZNotificationEvent,
  label: z.string(),
  channels: z.array(ZPersonalChannel),
  isDefault: z.boolean(),
});
export type PreferenceDto = z.infer<typeof ZPreference>;

export const ZPreferencesUpdate = z.object({
  preferences: z
    .array(z.object({ event: ZNotificationEvent, channels: z.array(ZPersonalChannel).max(10, { error: 'must be at most 10 channels' }) }))
    .max(100, { error: 'must be at most 100 preferences' }),
});
export type PreferencesUpdate = z.infer<typeof ZPreferencesUpdate>;

export const ZWebhookCreate = z.object({
  name: ZName,
  url: z.string().trim().min(1, { error: 'is required' }).max(2000, { error: 'must be at most 2000 characters' }),
  events: z.array(ZNotificationEvent).min(1, { error: 'must subscribe to at least one event' }),
});
export type WebhookCreate = z.infer<typeof ZWebhookCreate>;

export const ZWebhook = z.object({
  id: ZId,
  name: z.string(),
  url: z.string(),
  events: z.array(ZNotificationEvent),
  isActive: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type WebhookDto = z.infer<typeof ZWebhook>;

/** The signing secret is shown once, at creation. */
export const ZWebhookCreated = z.object({ webhook: ZWebhook, secret: z.string() });

export const ZWebhookTestResult = z.object({
  delivered: z.boolean(),
  /** The HTTP status the endpoint answered, null when it could not be reached. */
  status: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type WebhookTestResult = z.infer<typeof ZWebhookTestResult>;

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const ZOutboxQuery = z.object({
  status: z.enum(OUTBOX_STATUSES, { error: `must be one of: ${OUTBOX_STATUSES.join(', ')}` }).optional(),
});

export const ZDelivery = z.object({
  id: ZId,
  event: ZNotificationEvent,
  channel: z.enum(['email', 'webhook']),
  /** An e-mail address, or the webhook's id. */
  recipient: z.string(),
  /** The webhook's name, while it exists. */
  webhookName: z.string().nullable(),
  title: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type DeliveryDto = z.infer<typeof ZDelivery>;
