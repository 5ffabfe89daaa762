import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZCreateEnterpriseRequest,
  ZEnterprise,
  ZEnterpriseList,
  ZEnterpriseListQuery,
  ZEnterpriseParams,
  ZIndustryTree,
  ZUpdateEnterpriseRequest,
} from './schema';
import * as enterprises from './service';

export const enterpriseRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/api/enterprises',
    {
      config: { action: 'read' },
      schema: {
        tags: ['enterprises'],
        summary: 'List and search enterprises / 企业列表与检索',
        querystring: ZEnterpriseListQuery,
        response: { 200: ZEnterpriseList },
      },
    },
    async (req) => enterprises.listEnterprises(db, req.auth, req.query),
  );

  app.get(
    '/api/enterprises/:id',
    {
      config: { action: 'read' },
      schema: {
        tags: ['enterprises'],
        summary: 'One enterprise / 企业详情',
        params: ZEnterpriseParams,
        response: { 200: ZEnterprise },
      },
    },
    async (req) => enterprises.getEnterprise(db, req.auth, req.params.id),
  );

  app.post(
    '/api/enterprises',
    {
      config: { action: 'project.write' },
      schema: {
        tags: ['enterprises'],
        summary: 'Register an enterprise / 新增企业',
        body: ZCreateEnterpriseRequest,
        response: { 201: ZEnterprise },
      },
    },
    async (req, reply) => reply.code(201).send(await enterprises.createEnterprise(db, req.auth, req.body)),
  );

  app.patch(
    '/api/enterprises/:id',
    {
      config: { action: 'project.write' },
      schema: {
        tags: ['enterprises'],
        summary: 'Change an enterprise (needs its version) / 修改企业信息',
        params: ZEnterpriseParams,
        body: ZUpdateEnterpriseRequest,
        response: { 200: ZEnterprise },
      },
    },
    async (req) => enterprises.updateEnterprise(db, req.auth, req.params.id, req.body),
  );

  app.get(
    '/api/industries',
    {
      config: { action: 'read' },
      schema: {
        tags: ['enterprises'],
        summary: 'GB/T 4754-2017 industry sections and divisions / 国民经济行业分类',
        response: { 200: ZIndustryTree },
      },
    },
    async () => enterprises.industries(),
  );
};
