import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCreateUnitRequest,
  ZCreateUserRequest,
  ZIdParams,
  ZRegion,
  ZRegionParams,
  ZRegionTree,
  ZResetPasswordRequest,
  ZUnit,
  ZUnitList,
  ZUnitListQuery,
  ZUpdateRegionRequest,
  ZUpdateUnitRequest,
  ZUpdateUserRequest,
  ZUser,
  ZUserList,
  ZUserListQuery,
} from './schema';
import * as regions from './service';
import * as users from './users.service';

export const regionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;

  app.get(
    '/api/regions',
    {
      // reference data every signed-in screen names regions with (the portal publishes the whole tree)
      config: { action: 'signed-in' },
      schema: {
        tags: ['regions'],
        summary: 'Region tree of my scope / 本人数据范围内的行政区树',
        response: { 200: ZRegionTree },
      },
    },
    async (req) => ({ items: await regions.regionTree(db, req.auth.scope) }),
  );

  app.get(
    '/api/regions/transfer-targets',
    {
      config: { action: 'read' },
      schema: {
        tags: ['regions'],
        summary: 'Regions a project may be offered to (my province) / 可流转至的行政区（本省）',
        response: { 200: ZRegionTree },
      },
    },
    async (req) => ({ items: await regions.transferTargetTree(db, req.auth.scope) }),
  );

  app.get(
    '/api/regions/:code',
    {
      config: { action: 'read' },
      schema: {
        tags: ['regions'],
        summary: 'One region / 行政区详情',
        params: ZRegionParams,
        response: { 200: ZRegion },
      },
    },
    async (req) => regions.getRegion(db, req.auth.scope, req.params.code),
  );

  app.patch(
    '/api/regions/:code',
    {
      config: { action: 'admin' },
      schema: {
        tags: ['regions'],
        summary: "Set or clear a region's seat (admin) / 标注或清除行政区驻地（管理员）",
        params: ZRegionParams,
        body: ZUpdateRegionRequest,
        response: { 200: ZRegion },
      },
    },
    async (req) => regions.setRegionSeat(db, req.auth, req.params.code, req.body.seat),
  );

  app.get(
    '/api/units',
    {
      config: { action: 'read' },
      schema: {
        tags: ['units'],
        summary: 'Units in my scope / 数据范围内的单位',
        querystring: ZUnitListQuery,
        response: { 200: ZUnitList },
      },
    },
    async (req) => regions.listUnits(db, req.auth.scope, req.query),
  );

  app.post(
    '/api/units',
    {
      config: { action: 'admin' },
      schema: {
        tags: ['units'],
        summary: 'Create a unit (admin) / 新建单位（管理员）',
        body: ZCreateUnitRequest,
        response: { 201: ZUnit },
      },
    },
    async (req, reply) => reply.code(201).send(await regions.createUnit(db, req.auth, req.body)),
  );

  app.patch(
    '/api/units/:id',
    {
      config: { action: 'admin' },
      schema: {
        tags: ['units'],
        summary: 'Edit a unit (admin) / 修改单位（管理员）',
        params: ZIdParams,
        body: ZUpdateUnitRequest,
        response: { 200: ZUnit },
      },
    },
    async (req) => regions.updateUnit(db, req.auth, req.params.id, req.body),
  );

  app.get(
    '/api/users',
    {
      config: { action: 'admin' },
      schema: {
        tags: ['users'],
        summary: 'Users in my scope (admin) / 数据范围内的用户（管理员）',
        querystring: ZUserListQuery,
        response: { 200: ZUserList },
      },
    },
    async (req) => users.listUsers(db, req.auth, req.query),
  );

  app.post(
    '/api/users',
    {
      config: { action: 'admin' },
      schema: {
        tags: ['users'],
        summary: 'Create a user (admin) / 新建用户（管理员）',
        description: 'The password is held to the security policy (400 VALIDATION on body.password, with the reason).',
        body: ZCreateUserRequest,
        response: { 201: ZUser },
      },
    },
    async (req, reply) => reply.code(201).send(await users.createUser(db, config, req.auth, req.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { action: 'admin' },
      schema: {
        tags: ['users'],
        summary: 'Edit a user (admin) / 修改用户（管理员）',
        description:
          'A role cannot be changed to or from security or auditor, nor the last active holder of either deactivated (403, 三权分立).',
        params: ZIdParams,
        body: ZUpdateUserRequest,
        response: { 200: ZUser },
      },
    },
    async (req) => users.updateUser(db, req.auth, req.params.id, req.body),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      config: { action: 'admin' },
      schema: {
        tags: ['users'],
        summary: "Reset a user's password (admin) / 重置用户密码（管理员）",
        description:
          'The password is held to the security policy; the user must change it at the next sign-in and is signed out ' +
          'everywhere. A lock-out stays (the security admin unlocks). A security or audit administrator’s password ' +
          'may be reset only while their two-factor sign-in is on (三权分立). 新密码须符合口令策略，用户下次登录须修改。',
        params: ZIdParams,
        body: ZResetPasswordRequest,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await users.resetUserPassword(db, config, req.auth, req.params.id, req.body.password);
      return reply.code(204).send(null);
    },
  );
};
