import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../lib/http';
import { presentMe } from './presenter';
import { ZChangePasswordRequest, ZLoginRequest, ZMe } from './schema';
import * as auth from './service';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;

  app.post(
    '/api/auth/login',
    {
      config: {
        public: true,
        rateLimit: {
          max: config.LOGIN_RATE_LIMIT,
          timeWindow: 60_000,
          keyGenerator: (req) =>
            `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in / 登录',
        body: ZLoginRequest,
        response: { 200: ZMe },
      },
    },
    async (req, reply) => {
      const { token, context } = await auth.login(db, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        ttlHours: config.SESSION_TTL_HOURS,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: 'auto',
        path: '/',
        maxAge: config.SESSION_TTL_HOURS * 3600,
      });
      return presentMe(context);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out / 退出登录', response: { 204: z.null() } } },
    async (req, reply) => {
      await auth.logout(db, req.auth);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user / 当前用户', response: { 200: ZMe } } },
    async (req) => presentMe(req.auth),
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change own password / 修改密码',
        body: ZChangePasswordRequest,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await auth.changePassword(db, req.auth, req.body);
      return reply.code(204).send(null);
    },
  );
};
