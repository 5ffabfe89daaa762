import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAddContactRequest,
  ZAddSegmentEnterpriseRequest,
  ZCatalogList,
  ZChain,
  ZChainList,
  ZChainListQuery,
  ZClassification,
  ZClassificationQuery,
  ZConvertResult,
  ZConvertTargetRequest,
  ZCreateChainRequest,
  ZCreateSegmentRequest,
  ZCreateTargetRequest,
  ZGapCoverage,
  ZIdParams,
  ZIndicatorQuery,
  ZIndicators,
  ZLinkParams,
  ZRecommendationList,
  ZRecommendationQuery,
  ZSegment,
  ZSetClassificationRequest,
  ZTarget,
  ZTargetList,
  ZUpdateChainRequest,
  ZUpdateSegmentRequest,
  ZUpdateTargetRequest,
} from './schema';
import * as chains from './service';
import * as targets from './targets.service';

const tags = ['chains'];

export const chainRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/api/catalogs',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Industry guidance catalogs of the five jurisdictions / 招商引资产业指导目录',
        response: { 200: ZCatalogList },
      },
    },
    async () => chains.listCatalogs(db),
  );

  app.get(
    '/api/catalogs/classifications',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Catalog entries of a project or enterprise, suggested and assigned / 项目或企业的目录归类',
        querystring: ZClassificationQuery,
        response: { 200: ZClassification },
      },
    },
    async (req) => chains.getClassification(db, req.auth, req.query),
  );

  app.put(
    '/api/catalogs/classifications',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Assign catalog entries to a project or enterprise / 设置目录归类',
        body: ZSetClassificationRequest,
        response: { 200: ZClassification },
      },
    },
    async (req) => chains.setClassification(db, req.auth, req.body),
  );

  app.get(
    '/api/chains',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Industry chains in scope with gap counts / 产业链列表',
        querystring: ZChainListQuery,
        response: { 200: ZChainList },
      },
    },
    async (req) => chains.listChains(db, req.auth, req.query),
  );

  app.post(
    '/api/chains',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Create an industry chain / 新建产业链',
        body: ZCreateChainRequest,
        response: { 201: ZChain },
      },
    },
    async (req, reply) => reply.code(201).send(await chains.createChain(db, req.auth, req.body)),
  );

  app.get(
    '/api/chains/indicators',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Key-chain investment share by period against the policy target / 重点产业链投资占比',
        querystring: ZIndicatorQuery,
        response: { 200: ZIndicators },
      },
    },
    async (req) => chains.indicators(db, req.auth, req.query),
  );

  app.get(
    '/api/chains/:id',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'A chain map: team, segments, enterprises, targets and projects / 产业链图谱',
        params: ZIdParams,
        response: { 200: ZChain },
      },
    },
    async (req) => chains.getChain(db, req.auth, req.params.id),
  );

  app.patch(
    '/api/chains/:id',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Change a chain and its chain-leader team (needs its version) / 修改产业链及链长制',
        params: ZIdParams,
        body: ZUpdateChainRequest,
        response: { 200: ZChain },
      },
    },
    async (req) => chains.updateChain(db, req.auth, req.params.id, req.body),
  );

  app.get(
    '/api/chains/:id/gaps',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Weak and missing segments against targets and live projects / 断链弱链覆盖情况',
        params: ZIdParams,
        response: { 200: ZGapCoverage },
      },
    },
    async (req) => chains.gapCoverage(db, req.auth, req.params.id),
  );

  app.post(
    '/api/chains/:id/segments',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Add a segment to a chain map / 新增产业链环节',
        params: ZIdParams,
        body: ZCreateSegmentRequest,
        response: { 201: ZSegment },
      },
    },
    async (req, reply) => reply.code(201).send(await chains.createSegment(db, req.auth, req.params.id, req.body)),
  );

  app.patch(
    '/api/chain-segments/:id',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Change a segment (needs its version) / 修改产业链环节',
        params: ZIdParams,
        body: ZUpdateSegmentRequest,
        response: { 200: ZSegment },
      },
    },
    async (req) => chains.updateSegment(db, req.auth, req.params.id, req.body),
  );

  app.delete(
    '/api/chain-segments/:id',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Remove an empty segment / 删除产业链环节',
        params: ZIdParams,
        response: { 204: z.null().describe('Removed') },
      },
    },
    async (req, reply) => {
      await chains.deleteSegment(db, req.auth, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/chain-segments/:id/enterprises',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'List a local enterprise or chain owner on a segment / 登记环节本地企业或链主',
        params: ZIdParams,
        body: ZAddSegmentEnterpriseRequest,
        response: { 201: ZSegment },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await chains.addSegmentEnterprise(db, req.auth, req.params.id, req.body)),
  );

  app.delete(
    '/api/chain-segments/:id/enterprises/:linkId',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Remove a local enterprise from a segment / 移除环节本地企业',
        params: ZLinkParams,
        response: { 200: ZSegment },
      },
    },
    async (req) => chains.removeSegmentEnterprise(db, req.auth, req.params.id, req.params.linkId),
  );

  app.get(
    '/api/chain-segments/:id/recommendations',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Ranked candidate enterprises for a weak or missing segment / 靶向招商推荐',
        params: ZIdParams,
        querystring: ZRecommendationQuery,
        response: { 200: ZRecommendationList },
      },
    },
    async (req) => chains.recommendations(db, req.auth, req.params.id, req.query.limit),
  );

  app.get(
    '/api/chain-segments/:id/targets',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Target enterprises of a segment / 环节目标企业清单',
        params: ZIdParams,
        response: { 200: ZTargetList },
      },
    },
    async (req) => targets.listTargets(db, req.auth, req.params.id),
  );

  app.post(
    '/api/chain-segments/:id/targets',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Add a target enterprise to a segment / 新增目标企业',
        params: ZIdParams,
        body: ZCreateTargetRequest,
        response: { 201: ZTarget },
      },
    },
    async (req, reply) => reply.code(201).send(await targets.createTarget(db, req.auth, req.params.id, req.body)),
  );

  app.patch(
    '/api/targets/:id',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Change a target status, owner unit or note (needs its version) / 修改目标企业状态',
        params: ZIdParams,
        body: ZUpdateTargetRequest,
        response: { 200: ZTarget },
      },
    },
    async (req) => targets.updateTarget(db, req.auth, req.params.id, req.body),
  );

  app.post(
    '/api/targets/:id/contacts',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Record a contact with a target enterprise / 记录目标企业接触',
        params: ZIdParams,
        body: ZAddContactRequest,
        response: { 201: ZTarget },
      },
    },
    async (req, reply) => reply.code(201).send(await targets.addContact(db, req.auth, req.params.id, req.body)),
  );

  app.post(
    '/api/targets/:id/convert',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Convert a target into a project in negotiation / 目标企业转为洽谈项目',
        params: ZIdParams,
        body: ZConvertTargetRequest,
        response: { 201: ZConvertResult },
      },
    },
    async (req, reply) => reply.code(201).send(await targets.convertTarget(db, req.auth, req.params.id, req.body)),
  );
};
