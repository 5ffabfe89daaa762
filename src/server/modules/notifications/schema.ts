import { z } from 'zod';
import { ZPageQuery } from '../../lib/listing';

export const ZNotification = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  /** In the caller's language (Accept-Language); both languages follow. */
  title: z.string(),
  body: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  bodyZh: z.string(),
  bodyEn: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: z.string().datetime(),
  readAt: z.string().datetime().nullable(),
});

export const ZNotificationListQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only unread ones')
    .transform((v) => v === 'true'),
  ...ZPageQuery,
});

export const ZNotificationList = z.object({
  items: z.array(ZNotification),
  /** How many match the filter. */
  total: z.number().int(),
  /** How many of the caller's notifications are unread, whatever the filter. */
  unread: z.number().int(),
});

export const ZNotificationParams = z.object({ id: z.string().uuid() });

export type TNotification = z.infer<typeof ZNotification>;
export type TNotificationList = z.infer<typeof ZNotificationList>;
export type TNotificationListQuery = z.infer<typeof ZNotificationListQuery>;
