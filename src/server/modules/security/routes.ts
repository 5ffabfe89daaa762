import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZLockedUserList, ZSecurityPolicy, ZUpdateSecurityPolicyRequest, ZUserIdParams } from './schema';
import * as security from './service';

/** The security administrator's screens (安全管理员, 三权分立): policy and lock-outs. */
export const securityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;

  app.get(
    '/api/security/policy',
    {
      config: { action: 'security.manage' },
      schema: {
        tags: ['security'],
        summary: 'Password and session policy (security admin) / 口令与会话策略（安全管理员）',
        response: { 200: ZSecurityPolicy },
      },
    },
    async (req) => security.getPolicy(db, config, req.auth),
  );

  app.put(
    '/api/security/policy',
    {
      config: { action: 'security.manage' },
      schema: {
        tags: ['security'],
        summary: 'Set the password and session policy (security admin) / 设置口令与会话策略（安全管理员）',
        body: ZUpdateSecurityPolicyRequest,
        response: { 200: ZSecurityPolicy },
      },
    },
    async (req) => security.updatePolicy(db, config, req.auth, req.body),
  );

  app.get(
    '/api/security/locked-users',
    {
      config: { action: 'security.manage' },
      schema: {
        tags: ['security'],
        summary: 'Accounts locked out now (security admin) / 当前被锁定的账号（安全管理员）',
        response: { 200: ZLockedUserList },
      },
    },
    async (req) => security.listLockedUsers(db, req.auth),
  );

  app.post(
    '/api/security/users/:id/unlock',
    {
      config: { action: 'security.manage' },
      schema: {
        tags: ['security'],
        summary: 'Unlock an account (security admin) / 解锁账号（安全管理员）',
        params: ZUserIdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await security.unlockUser(db, req.auth, req.params.id);
      return reply.code(204).send(null);
    },
  );
};
