import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../lib/http';
import { loginLimiter } from '../../lib/rate-limit';
import { presentMe } from './presenter';
import { ZChangePasswordRequest, ZLoginRequest, ZMe } from './schema';
import * as auth from './service';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;
  const signInLimits = loginLimiter(db, {
    perUsername: config.LOGIN_RATE_LIMIT,
    perAddress: config.LOGIN_ADDRESS_RATE_LIMIT,
  });

  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in / 登录',
        description:
          'Failed sign-ins are limited per user name (LOGIN_RATE_LIMIT) and per client address ' +
          '(LOGIN_ADDRESS_RATE_LIMIT) per 15 minutes on every instance together; past either, 429 ' +
          'RATE_LIMITED with Retry-After. 登录失败按用户名与来源地址分别限次（15 分钟窗口，多实例共享）。',
        body: ZLoginRequest,
        response: { 200: ZMe },
      },
    },
    async (req, reply) => {
      const { token, context } = await signInLimits.guard(reply, req.body.username, req.ip, () =>
        auth.login(db, {
          ...req.body,
          ip: req.ip,
          userAgent: req.headers['user-agent'],
          ttlHours: config.SESSION_TTL_HOURS,
        }),
      );
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
    {
      config: { action: 'signed-in' },
      schema: { tags: ['auth'], summary: 'Sign out / 退出登录', response: { 204: z.null() } },
    },
    async (req, reply) => {
      await auth.logout(db, req.auth);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { action: 'signed-in' },
      schema: { tags: ['auth'], summary: 'The signed-in user / 当前用户', response: { 200: ZMe } },
    },
    async (req) => presentMe(req.auth),
  );

  app.post(
    '/api/auth/password',
    {
      config: { action: 'signed-in' },
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
