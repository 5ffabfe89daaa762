import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../lib/http';
import { loginLimiter } from '../../lib/rate-limit';
import { presentMe } from './presenter';
import {
  ZChangePasswordRequest,
  ZLoginRequest,
  ZMe,
  ZPasswordConfirmation,
  ZRecoveryCodes,
  ZTotpEnableRequest,
  ZTotpRequest,
  ZTotpSetup,
} from './schema';
import * as auth from './service';
import * as twoFactor from './two-factor';

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
      const { token, context, ttlHours } = await signInLimits.guard(reply, req.body.username, req.ip, () =>
        auth.login(db, config, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] }),
      );
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: 'auto',
        path: '/',
        maxAge: ttlHours * 3600,
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
      await auth.changePassword(db, config, req.auth, req.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/totp',
    {
      config: { action: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'Finish signing in with the second factor / 输入动态验证码完成登录',
        description:
          'For a session whose `pending` is `totp`: a 6-digit authenticator code or an unused recovery code. ' +
          'A wrong code answers 401 TOTP_INVALID and counts toward the account lock-out.',
        body: ZTotpRequest,
        response: { 200: ZMe },
      },
    },
    async (req) =>
      presentMe(
        await twoFactor.verifySecondFactor(db, config, req.auth, {
          code: req.body.code,
          ip: req.ip,
          userAgent: req.headers['user-agent'],
        }),
      ),
  );

  app.post(
    '/api/auth/totp/setup',
    {
      config: { action: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'Start two-factor enrolment / 开始绑定动态验证码',
        response: { 200: ZTotpSetup },
      },
    },
    async (req) => twoFactor.setupTotp(db, req.auth),
  );

  app.post(
    '/api/auth/totp/enable',
    {
      config: { action: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'Confirm two-factor enrolment / 确认启用双因素登录',
        description: 'Answers ten one-time recovery codes, shown only this once.',
        body: ZTotpEnableRequest,
        response: { 200: ZRecoveryCodes },
      },
    },
    async (req) => twoFactor.enableTotp(db, req.auth, req.body.code),
  );

  app.delete(
    '/api/auth/totp',
    {
      config: { action: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'Turn two-factor sign-in off / 停用双因素登录',
        description: 'Refused (403) for a role the security policy requires it of.',
        body: ZPasswordConfirmation,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await twoFactor.disableTotp(db, config, req.auth, req.body.password);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/recovery-codes',
    {
      config: { action: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'New recovery codes / 重新生成恢复码',
        description: 'The earlier codes stop working.',
        body: ZPasswordConfirmation,
        response: { 200: ZRecoveryCodes },
      },
    },
    async (req) => twoFactor.renewRecoveryCodes(db, req.auth, req.body.password),
  );
};
