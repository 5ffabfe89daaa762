import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZAnswerTransfer,
  ZConflict,
  ZConflictDecision,
  ZConflictList,
  ZConflictQuery,
  ZConsentRequest,
  ZCreated,
  ZCreditList,
  ZCreditQuery,
  ZDuplicates,
  ZEscalation,
  ZEscalationList,
  ZEscalationQuery,
  ZFilingRequest,
  ZIdParams,
  ZOfferTransfer,
  ZProjectCoordination,
  ZReasonRequest,
  ZRedirectCandidates,
  ZRedirectRequest,
  ZSignedReport,
  ZSignedReportQuery,
  ZTransfer,
  ZTransferList,
  ZTransferQuery,
  ZUpdateThreeOnes,
} from './schema';
import * as coordination from './service';

const tags = ['coordination'];

export const coordinationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/api/coordination/projects/:id',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary:
          'First report, duplicates, transfers, escalation, filings and credits of a project / 项目首报、重复、流转、提级、报备与赋分',
        params: ZIdParams,
        response: { 200: ZProjectCoordination },
      },
    },
    async (req) => coordination.getProjectCoordination(db, req.auth, req.params.id),
  );

  app.get(
    '/api/coordination/projects/:id/duplicates',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Possible duplicates of a project in any region, as of today / 跨地区疑似重复项目检查',
        params: ZIdParams,
        response: { 200: ZDuplicates },
      },
    },
    async (req) => coordination.projectDuplicates(db, req.auth, req.params.id),
  );

  app.get(
    '/api/coordination/conflicts',
    {
      config: { action: 'leader.decide' },
      schema: {
        tags,
        summary: 'First-report conflicts for the higher-level centre to arbitrate / 待上级协调的首报冲突',
        querystring: ZConflictQuery,
        response: { 200: ZConflictList },
      },
    },
    async (req) => coordination.listConflicts(db, req.auth, req.query.status),
  );

  app.post(
    '/api/coordination/conflicts/:id/decision',
    {
      config: { action: 'leader.decide' },
      schema: {
        tags,
        summary: 'Arbitrate a first-report conflict / 裁定首报冲突',
        params: ZIdParams,
        body: ZConflictDecision,
        response: { 200: ZConflict },
      },
    },
    async (req) => coordination.decideConflict(db, req.auth, req.params.id, req.body),
  );

  app.post(
    '/api/coordination/projects/:id/transfers',
    {
      config: { action: 'project.transition' },
      schema: {
        tags,
        summary: 'Offer a project to another region / 项目流转至其他地区',
        params: ZIdParams,
        body: ZOfferTransfer,
        response: { 201: ZTransfer },
      },
    },
    async (req, reply) => reply.code(201).send(await coordination.offerTransfer(db, req.auth, req.params.id, req.body)),
  );

  app.get(
    '/api/coordination/transfers',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Transfers offered to or from my regions / 流入与流出的流转项目',
        querystring: ZTransferQuery,
        response: { 200: ZTransferList },
      },
    },
    async (req) => coordination.listTransfers(db, req.auth, req.query),
  );

  app.post(
    '/api/coordination/transfers/:id/answer',
    {
      config: { action: 'project.transition' },
      schema: {
        tags,
        summary: 'Accept or decline a transfer / 接收或拒绝流转',
        params: ZIdParams,
        body: ZAnswerTransfer,
        response: { 200: ZTransfer },
      },
    },
    async (req) => coordination.answerTransfer(db, req.auth, req.params.id, req.body),
  );

  app.get(
    '/api/coordination/credits',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Assessment credits of landed transferred projects / 流转落地项目考核赋分',
        querystring: ZCreditQuery,
        response: { 200: ZCreditList },
      },
    },
    async (req) => coordination.listCredits(db, req.auth, req.query),
  );

  app.post(
    '/api/coordination/projects/:id/redirect-consent',
    {
      config: { action: 'project.transition' },
      schema: {
        tags,
        summary: 'First region consents to redirecting a stalled project / 首谈地同意推介停滞项目',
        params: ZIdParams,
        body: ZConsentRequest,
        response: { 201: ZCreated },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await coordination.recordRedirectConsent(db, req.auth, req.params.id, req.body.note)),
  );

  app.get(
    '/api/coordination/projects/:id/redirect-candidates',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Regions of the same industry for a stalled project / 停滞项目可推介的同产业地区',
        params: ZIdParams,
        response: { 200: ZRedirectCandidates },
      },
    },
    async (req) => coordination.redirectCandidates(db, req.auth, req.params.id),
  );

  app.post(
    '/api/coordination/projects/:id/redirect',
    {
      config: { action: 'project.transition' },
      schema: {
        tags,
        summary: 'Provincial centre redirects a stalled project / 省级推介停滞项目',
        params: ZIdParams,
        body: ZRedirectRequest,
        response: { 201: ZTransfer },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await coordination.redirectProject(db, req.auth, req.params.id, req.body)),
  );

  app.get(
    '/api/coordination/escalations',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Escalated major projects and their “three ones” / 提级重大项目及“三个一”',
        querystring: ZEscalationQuery,
        response: { 200: ZEscalationList },
      },
    },
    async (req) => coordination.listEscalations(db, req.auth, req.query.missing),
  );

  app.put(
    '/api/coordination/escalations/:id/three-ones',
    {
      config: { action: 'project.transition' },
      schema: {
        tags,
        summary: 'Record the “three ones” of an escalated project / 填报“三个一”',
        params: ZIdParams,
        body: ZUpdateThreeOnes,
        response: { 200: ZEscalation },
      },
    },
    async (req) => coordination.updateThreeOnes(db, req.auth, req.params.id, req.body),
  );

  app.post(
    '/api/coordination/projects/:id/filings',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'File a coming major signing / 重大签约项目报备',
        params: ZIdParams,
        body: ZFilingRequest,
        response: { 201: ZCreated },
      },
    },
    async (req, reply) => reply.code(201).send(await coordination.fileSigning(db, req.auth, req.params.id, req.body)),
  );

  app.post(
    '/api/coordination/projects/:id/filing-exceptions',
    {
      config: { action: 'leader.decide' },
      schema: {
        tags,
        summary: 'A leader records an exception to pre-signing filing / 领导登记签约报备例外',
        params: ZIdParams,
        body: ZReasonRequest,
        response: { 201: ZCreated },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await coordination.recordFilingException(db, req.auth, req.params.id, req.body.reason)),
  );

  app.get(
    '/api/coordination/signed-report',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Monthly list of signed projects for the provincial project centre / 亿元以上签约项目月报',
        querystring: ZSignedReportQuery,
        response: { 200: ZSignedReport },
      },
    },
    async (req) => coordination.signedReport(db, req.auth, req.query.month),
  );
};
