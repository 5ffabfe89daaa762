import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCreatePartnerRequest,
  ZCreateReferralRequest,
  ZPartnerCatalog,
  ZPartnerDetail,
  ZPartnerList,
  ZPartnerListQuery,
  ZPartnerParams,
  ZReferral,
  ZReferralParams,
  ZRewards,
  ZRewardsQuery,
  ZUpdatePartnerRequest,
} from './schema';
import * as partners from './service';

export const partnerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const tags = ['partners'];

  app.get(
    '/api/partners/catalog',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Partner kinds and statuses / 合作伙伴类别与状态',
        response: { 200: ZPartnerCatalog },
      },
    },
    async () => partners.catalog(),
  );

  app.get(
    '/api/partners',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'List partners: advisors, chambers, intermediaries, ambassadors / 招商合作伙伴列表',
        querystring: ZPartnerListQuery,
        response: { 200: ZPartnerList },
      },
    },
    async (req) => partners.listPartners(db, req.auth, req.query),
  );

  app.get(
    '/api/partners/rewards',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Rewards due from landed projects (first units, referrals) / 落地奖励清单',
        querystring: ZRewardsQuery,
        response: { 200: ZRewards },
      },
    },
    async (req) => partners.rewardEntitlements(db, req.auth, req.query.year),
  );

  app.get(
    '/api/partners/:id',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'One partner with its referrals / 合作伙伴详情',
        params: ZPartnerParams,
        response: { 200: ZPartnerDetail },
      },
    },
    async (req) => partners.getPartner(db, req.auth, req.params.id),
  );

  app.post(
    '/api/partners',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Record a partner / 登记合作伙伴',
        body: ZCreatePartnerRequest,
        response: { 201: ZPartnerDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await partners.createPartner(db, req.auth, req.body)),
  );

  app.patch(
    '/api/partners/:id',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Change a partner (needs its version) / 修改合作伙伴',
        params: ZPartnerParams,
        body: ZUpdatePartnerRequest,
        response: { 200: ZPartnerDetail },
      },
    },
    async (req) => partners.updatePartner(db, req.auth, req.params.id, req.body),
  );

  app.post(
    '/api/partners/:id/referrals',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Record that the partner referred a project / 登记引荐项目',
        params: ZPartnerParams,
        body: ZCreateReferralRequest,
        response: { 201: ZReferral },
      },
    },
    async (req, reply) => reply.code(201).send(await partners.createReferral(db, req.auth, req.params.id, req.body)),
  );

  app.delete(
    '/api/partners/:id/referrals/:referralId',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Remove a referral recorded in error / 删除引荐记录',
        params: ZReferralParams,
        response: { 204: z.null().describe('Removed') },
      },
    },
    async (req, reply) => {
      await partners.deleteReferral(db, req.auth, req.params.id, req.params.referralId);
      return reply.code(204).send(null);
    },
  );
};
