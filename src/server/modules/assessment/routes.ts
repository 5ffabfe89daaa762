import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditClient, recordExport } from '../audit/service';
import { bulletinDocx, bulletinTitle, bulletinXlsx } from './bulletin';
import * as sampling from './sampling.service';
import {
  ZBulletinQuery,
  ZCheck,
  ZCheckList,
  ZCloseRequest,
  ZCorrectionRequest,
  ZCreateCheckRequest,
  ZDecomposeRequest,
  ZDecomposition,
  ZFindingRequest,
  ZIdParams,
  ZIndicatorList,
  ZPublicRanking,
  ZPutTargetRequest,
  ZQuality,
  ZQualityQuery,
  ZRanking,
  ZRankingQuery,
  ZSchemeList,
  ZScheme,
  ZSnapshotList,
  ZSnapshotListQuery,
  ZTarget,
  ZTargetList,
  ZTargetListQuery,
  ZUpdateSchemeRequest,
} from './schema';
import * as assessment from './service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZBinary = z.any().describe('A .docx or .xlsx file');

function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const tags = ['assessment'];

/** Targets, schemes, rankings by period, snapshots and corrections, bulletins, sampling checks. */
export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/api/assessment/indicators',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Indicator definitions with versions / 指标定义及版本',
        response: { 200: ZIndicatorList },
      },
    },
    async () => assessment.listIndicators(),
  );

  app.get(
    '/api/assessment/targets',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Annual targets in scope / 年度目标任务',
        querystring: ZTargetListQuery,
        response: { 200: ZTargetList },
      },
    },
    async (req) => assessment.listTargets(db, req.auth, req.query.year, req.query.region),
  );

  app.put(
    '/api/assessment/targets',
    {
      config: { action: 'assessment.manage' },
      schema: {
        tags,
        summary: 'Enter or change a target / 录入或修改目标任务',
        body: ZPutTargetRequest,
        response: { 200: ZTarget },
      },
    },
    async (req) => assessment.putTarget(db, req.auth, req.body),
  );

  app.post(
    '/api/assessment/targets/decompose',
    {
      config: { action: 'assessment.manage' },
      schema: {
        tags,
        summary: 'Decompose a target onto the regions below / 目标任务分解下达',
        body: ZDecomposeRequest,
        response: { 200: ZDecomposition },
      },
    },
    async (req) => assessment.decomposeTargets(db, req.auth, req.body),
  );

  app.get(
    '/api/assessment/schemes',
    {
      config: { action: 'read' },
      schema: { tags, summary: 'Assessment schemes of the packs / 各地考核方案', response: { 200: ZSchemeList } },
    },
    async () => assessment.listSchemes(db),
  );

  app.put(
    '/api/assessment/schemes/:id',
    {
      config: { action: 'assessment.manage' },
      schema: {
        tags,
        summary: 'Change a scheme’s indicators, weights and rules / 修改考核方案',
        params: ZIdParams,
        body: ZUpdateSchemeRequest,
        response: { 200: ZScheme },
      },
    },
    async (req) => assessment.updateScheme(db, req.auth, req.params.id, req.body),
  );

  app.get(
    '/api/assessment/rankings',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Results and ranking of a period (month, quarter, half, year) / 分期考核结果与排名',
        querystring: ZRankingQuery,
        response: { 200: ZRanking },
      },
    },
    async (req) => assessment.getRanking(db, req.auth, req.query.region, req.query.period),
  );

  app.get(
    '/api/assessment/snapshots',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Closed periods / 已关账期间',
        querystring: ZSnapshotListQuery,
        response: { 200: ZSnapshotList },
      },
    },
    async (req) => assessment.listSnapshots(db, req.auth, req.query.region),
  );

  app.post(
    '/api/assessment/snapshots',
    {
      config: { action: 'assessment.manage' },
      schema: {
        tags,
        summary: 'Close a period and freeze its figures / 关账并冻结本期数据',
        body: ZCloseRequest,
        response: { 201: ZRanking },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await assessment.closePeriod(db, req.auth, req.body.regionCode, req.body.period)),
  );

  app.post(
    '/api/assessment/snapshots/:id/corrections',
    {
      config: { action: 'assessment.manage' },
      schema: {
        tags,
        summary: 'Record a correction to a closed period / 登记已关账数据的更正',
        params: ZIdParams,
        body: ZCorrectionRequest,
        response: { 201: ZRanking },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await assessment.correctSnapshot(db, req.auth, req.params.id, req.body)),
  );

  app.get(
    '/api/assessment/bulletin',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Monthly bulletin or ranking as Word or Excel / 通报与排名（Word、Excel）',
        querystring: ZBulletinQuery,
        produces: [DOCX, XLSX],
        response: { 200: ZBinary },
      },
    },
    async (req, reply) => {
      const ranking = await assessment.getRanking(db, req.auth, req.query.region, req.query.period);
      const options = { audience: req.query.audience };
      const name = `${bulletinTitle(ranking)}${options.audience === 'public' ? '（公开版）' : ''}.${req.query.format}`;
      const file =
        req.query.format === 'docx' ? await bulletinDocx(ranking, options) : await bulletinXlsx(ranking, options);
      await recordExport(db, req.auth, { what: 'bulletin', filters: req.query, name }, auditClient(req));
      return reply
        .type(req.query.format === 'docx' ? DOCX : XLSX)
        .header('content-disposition', attachment(name))
        .send(file);
    },
  );

  app.get(
    '/api/public/rankings/published',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Closed periods whose ranking is published, newest first / 已发布排名的期间（门户）',
        security: [],
        querystring: ZSnapshotListQuery,
        response: { 200: ZSnapshotList },
      },
    },
    async (req) => assessment.publishedRankings(db, req.query.region),
  );

  app.get(
    '/api/public/rankings',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Public ranking of a closed period, for the portal / 公开发布的排名（门户）',
        security: [],
        querystring: ZRankingQuery,
        response: { 200: ZPublicRanking },
      },
    },
    async (req) => assessment.publicRanking(db, req.query.region, req.query.period),
  );

  app.get(
    '/api/assessment/sampling',
    {
      config: { action: 'read' },
      schema: { tags, summary: 'Sampling checks in scope / 抽样核查列表', response: { 200: ZCheckList } },
    },
    async (req) => sampling.listChecks(db, req.auth),
  );

  app.post(
    '/api/assessment/sampling',
    {
      config: { action: 'assessment.manage' },
      schema: {
        tags,
        summary: 'Draw a sampling check / 发起抽样核查',
        body: ZCreateCheckRequest,
        response: { 201: ZCheck },
      },
    },
    async (req, reply) => reply.status(201).send(await sampling.createCheck(db, req.auth, req.body)),
  );

  app.get(
    '/api/assessment/sampling/:id',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'A sampling check and its findings / 抽样核查详情',
        params: ZIdParams,
        response: { 200: ZCheck },
      },
    },
    async (req) => sampling.getCheck(db, req.auth, req.params.id),
  );

  app.post(
    '/api/assessment/sampling/items/:id/finding',
    {
      config: { action: 'sampling.verify' },
      schema: {
        tags,
        summary: 'Record a finding on a sampled project / 登记核查结果',
        params: ZIdParams,
        body: ZFindingRequest,
        response: { 200: ZCheck },
      },
    },
    async (req) => sampling.recordFinding(db, req.auth, req.params.id, req.body),
  );

  app.get(
    '/api/assessment/data-quality',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Data quality per unit / 各单位数据质量',
        querystring: ZQualityQuery,
        response: { 200: ZQuality },
      },
    },
    async (req) => sampling.dataQuality(db, req.auth, req.query.region, req.query.year),
  );
};
