import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pickLang } from '../../lib/problem';
import { presentNotification } from './presenter';
import { ZNotificationList, ZNotificationListQuery, ZNotificationParams } from './schema';
import * as notifications from './service';

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/api/notifications',
    {
      config: { action: 'signed-in' },
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first / 我的通知（按时间倒序）',
        querystring: ZNotificationListQuery,
        response: { 200: ZNotificationList },
      },
    },
    async (req) => {
      const list = await notifications.listMyNotifications(db, req.auth, req.query);
      const lang = pickLang(req.headers['accept-language']);
      return { ...list, items: list.items.map((n) => presentNotification(n, lang)) };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { action: 'signed-in' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark a notification read / 标记通知为已读',
        params: ZNotificationParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await notifications.markRead(db, req.auth, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { action: 'signed-in' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark all my notifications read / 全部标记为已读',
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await notifications.markAllRead(db, req.auth);
      return reply.code(204).send(null);
    },
  );
};
