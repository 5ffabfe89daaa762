import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inquiryLimiter } from '../../lib/rate-limit';
import { ZRegionNode } from '../regions/schema';
import {
  ZAcceptInquiryRequest,
  ZAcceptInquiryResult,
  ZDeclineInquiryRequest,
  ZInquiry,
  ZInquiryList,
  ZInquiryParams,
  ZInquiryQuery,
  ZSubmitInquiryRequest,
  ZSubmitInquiryResult,
  ZSupplyList,
  ZSupplyQuery,
} from './schema';
import * as portal from './service';

/**
 * The investor portal (投资者门户): public reads and the inquiry form (no sign-in, no CSRF: there is
 * no session to forge), and the officers' inquiry list with accept and decline.
 */
export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;
  const tags = ['portal'];
  const inquiryLimits = inquiryLimiter(db, config.INQUIRY_RATE_LIMIT);

  app.get(
    '/api/public/regions',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The whole region tree, for the portal / 地区树（门户）',
        security: [],
        response: { 200: z.array(ZRegionNode) },
      },
    },
    async () => portal.publicRegions(db),
  );

  app.get(
    '/api/public/supply',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Published parcels and buildings on offer / 公开发布的地块与楼宇',
        security: [],
        querystring: ZSupplyQuery,
        response: { 200: ZSupplyList },
      },
    },
    async (req) => portal.publicSupply(db, req.query),
  );

  app.post(
    '/api/public/inquiries',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Submit an investment inquiry (rate-limited per address) / 提交投资意向',
        description:
          'At most INQUIRY_RATE_LIMIT accepted submissions per client address per hour, counted on every ' +
          'instance together; past it, 429 RATE_LIMITED with Retry-After. 每个来源地址每小时限次（多实例共享）。',
        security: [],
        body: ZSubmitInquiryRequest,
        response: { 201: ZSubmitInquiryResult },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await inquiryLimits.guard(reply, req.ip, () => portal.submitInquiry(db, req.body))),
  );

  app.get(
    '/api/inquiries',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Inquiries of my regions, newest first / 投资意向列表',
        querystring: ZInquiryQuery,
        response: { 200: ZInquiryList },
      },
    },
    async (req) => portal.listInquiries(db, req.auth, req.query),
  );

  app.get(
    '/api/inquiries/:id',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'One inquiry / 投资意向详情',
        params: ZInquiryParams,
        response: { 200: ZInquiry },
      },
    },
    async (req) => portal.getInquiry(db, req.auth, req.params.id),
  );

  app.post(
    '/api/inquiries/:id/accept',
    {
      config: { action: 'inquiry.decide' },
      schema: {
        tags,
        summary: 'Accept: create a project in 洽谈 from the inquiry / 受理并建立洽谈项目',
        params: ZInquiryParams,
        body: ZAcceptInquiryRequest,
        response: { 201: ZAcceptInquiryResult },
      },
    },
    async (req, reply) => reply.code(201).send(await portal.acceptInquiry(db, req.auth, req.params.id, req.body)),
  );

  app.post(
    '/api/inquiries/:id/decline',
    {
      config: { action: 'inquiry.decide' },
      schema: {
        tags,
        summary: 'Decline with a reason / 不予受理（须说明理由）',
        params: ZInquiryParams,
        body: ZDeclineInquiryRequest,
        response: { 200: ZInquiry },
      },
    },
    async (req) => portal.declineInquiry(db, req.auth, req.params.id, req.body),
  );
};
