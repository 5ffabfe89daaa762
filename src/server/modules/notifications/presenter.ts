import type { Lang } from '../../lib/problem';
import type { NotificationRow } from './repository';
import type { TNotification } from './schema';

export function presentNotification(row: NotificationRow, lang: Lang): TNotification {
  return {
    id: row.id,
    kind: row.kind,
    title: lang === 'en' ? row.titleEn : row.titleZh,
    body: lang === 'en' ? row.bodyEn : row.bodyZh,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    bodyZh: row.bodyZh,
    bodyEn: row.bodyEn,
    entity: row.entity,
    entityId: row.entityId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
