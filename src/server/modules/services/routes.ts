import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAgreement,
  ZAgreementList,
  ZAgreementListQuery,
  ZCloseTicketRequest,
  ZCommissionerRequest,
  ZCreateAgreementRequest,
  ZCreateObligationRequest,
  ZCreateReviewRequest,
  ZCreateTicketRequest,
  ZDepartmentFigures,
  ZDueVisits,
  ZExemptionRequest,
  ZIdParams,
  ZOccasion,
  ZOccasionRequest,
  ZProjectLedger,
  ZRecordPerformanceRequest,
  ZReminderLetter,
  ZReview,
  ZReviewList,
  ZReviewListQuery,
  ZSendLetterRequest,
  ZServicesCatalog,
  ZSupervisionNotice,
  ZSupervisionNoticeList,
  ZSupervisionNoticeRequest,
  ZTicket,
  ZTicketList,
  ZTicketListQuery,
  ZTicketNoteRequest,
  ZVisit,
  ZVisitList,
  ZVisitRequest,
} from './schema';
import { auditClient, recordExport } from '../audit/service';
import * as services from './service';
import * as tickets from './tickets.service';
import * as visits from './visits.service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const tags = ['services'];

export const servicesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/api/services/catalog',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Risk checklist, obligation kinds, visit occasions and their labels / 服务模块字典',
        response: { 200: ZServicesCatalog },
      },
    },
    async () => services.catalog(),
  );

  // ---------------------------------------------------------------- reviews

  app.get(
    '/api/services/reviews',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Review meetings and their decisions / 项目评审记录',
        querystring: ZReviewListQuery,
        response: { 200: ZReviewList },
      },
    },
    async (req) => services.listReviews(db, req.auth, req.query),
  );

  app.post(
    '/api/projects/:id/reviews',
    {
      config: { action: 'project.transition' },
      schema: {
        tags,
        summary: 'Record a review meeting’s collective decision / 登记评审会集体决策',
        params: ZIdParams,
        body: ZCreateReviewRequest,
        response: { 201: ZReview },
      },
    },
    async (req, reply) => reply.code(201).send(await services.createReview(db, req.auth, req.params.id, req.body)),
  );

  // ---------------------------------------------------------------- agreements

  app.get(
    '/api/services/agreements',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Investment agreements with their obligations / 投资协议与履约事项',
        querystring: ZAgreementListQuery,
        response: { 200: ZAgreementList },
      },
    },
    async (req) => services.listAgreements(db, req.auth, req.query),
  );

  app.get(
    '/api/services/agreements/:id',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'One investment agreement / 投资协议详情',
        params: ZIdParams,
        response: { 200: ZAgreement },
      },
    },
    async (req) => services.getAgreement(db, req.auth, req.params.id),
  );

  app.post(
    '/api/projects/:id/agreements',
    {
      config: { action: 'project.transition' },
      schema: {
        tags,
        summary: 'Record an investment agreement and its obligations / 登记投资协议',
        params: ZIdParams,
        body: ZCreateAgreementRequest,
        response: { 201: ZAgreement },
      },
    },
    async (req, reply) => reply.code(201).send(await services.createAgreement(db, req.auth, req.params.id, req.body)),
  );

  app.post(
    '/api/services/agreements/:id/obligations',
    {
      config: { action: 'project.transition' },
      schema: {
        tags,
        summary: 'Add an obligation or government commitment / 新增履约事项',
        params: ZIdParams,
        body: ZCreateObligationRequest,
        response: { 201: ZAgreement },
      },
    },
    async (req, reply) => reply.code(201).send(await services.addObligation(db, req.auth, req.params.id, req.body)),
  );

  app.post(
    '/api/services/agreements/:id/exemption',
    {
      config: { action: 'leader.decide' },
      schema: {
        tags,
        summary: 'Record a tolerance exemption (容错免责) with its procedure / 登记容错免责',
        params: ZIdParams,
        body: ZExemptionRequest,
        response: { 200: ZAgreement },
      },
    },
    async (req) => services.recordExemption(db, req.auth, req.params.id, req.body),
  );

  app.post(
    '/api/services/obligations/:id/performance',
    {
      config: { action: 'project.transition' },
      schema: {
        tags,
        summary: 'Record that an obligation was met or the value reached / 登记履约情况',
        params: ZIdParams,
        body: ZRecordPerformanceRequest,
        response: { 200: ZAgreement },
      },
    },
    async (req) => services.recordPerformance(db, req.auth, req.params.id, req.body),
  );

  app.post(
    '/api/services/obligations/:id/letters',
    {
      config: { action: 'project.transition' },
      schema: {
        tags,
        summary: 'Send a performance reminder letter (履约提醒函) / 发出履约提醒函',
        params: ZIdParams,
        body: ZSendLetterRequest,
        response: { 201: ZReminderLetter },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await services.sendReminderLetter(db, req.auth, req.params.id, req.body)),
  );

  app.get(
    '/api/services/letters/:id/docx',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'The reminder letter as a Word document / 下载履约提醒函（Word）',
        params: ZIdParams,
        produces: [DOCX],
        response: { 200: z.any().describe('A .docx document') },
      },
    },
    async (req, reply) => {
      const file = await services.letterDocument(db, req.auth, req.params.id);
      await recordExport(
        db,
        req.auth,
        { what: 'reminder_letter', id: req.params.id, name: file.name },
        auditClient(req),
      );
      return reply
        .type(DOCX)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .send(file.data);
    },
  );

  // ---------------------------------------------------------------- tickets

  app.get(
    '/api/services/tickets',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Service ledger tickets / 服务台账事项',
        querystring: ZTicketListQuery,
        response: { 200: ZTicketList },
      },
    },
    async (req) => tickets.listTickets(db, req.auth, req.query),
  );

  app.post(
    '/api/services/tickets',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Raise a problem as a ticket assigned to a department / 登记服务事项',
        body: ZCreateTicketRequest,
        response: { 201: ZTicket },
      },
    },
    async (req, reply) => reply.code(201).send(await tickets.createTicket(db, req.auth, req.body)),
  );

  app.get(
    '/api/services/tickets/:id',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'One ticket with progress notes / 服务事项详情',
        params: ZIdParams,
        response: { 200: ZTicket },
      },
    },
    async (req) => tickets.getTicket(db, req.auth, req.params.id),
  );

  app.post(
    '/api/services/tickets/:id/notes',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Add a progress note / 添加办理进展',
        params: ZIdParams,
        body: ZTicketNoteRequest,
        response: { 201: ZTicket },
      },
    },
    async (req, reply) => reply.code(201).send(await tickets.addTicketNote(db, req.auth, req.params.id, req.body.text)),
  );

  app.post(
    '/api/services/tickets/:id/close',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Close a ticket with its resolution / 办结服务事项',
        params: ZIdParams,
        body: ZCloseTicketRequest,
        response: { 200: ZTicket },
      },
    },
    async (req) => tickets.closeTicket(db, req.auth, req.params.id, req.body),
  );

  app.get(
    '/api/services/departments',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Per-department ticket figures / 部门办理情况统计',
        response: { 200: ZDepartmentFigures },
      },
    },
    async (req) => tickets.departmentFigures(db, req.auth),
  );

  app.get(
    '/api/services/supervision-notices',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Supervision notices / 督办通知',
        querystring: z.object({ projectId: z.string().uuid().optional() }),
        response: { 200: ZSupervisionNoticeList },
      },
    },
    async (req) => tickets.listSupervisionNotices(db, req.auth, req.query),
  );

  app.post(
    '/api/services/supervision-notices',
    {
      config: { action: 'project.transition' },
      schema: {
        tags,
        summary: 'Issue a supervision notice to the lead unit / 发出督办通知',
        body: ZSupervisionNoticeRequest,
        response: { 201: ZSupervisionNotice },
      },
    },
    async (req, reply) => reply.code(201).send(await tickets.issueSupervisionNotice(db, req.auth, req.body)),
  );

  app.get(
    '/api/projects/:id/service-ledger',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'A project’s service ledger: commissioner, task forces, tickets / 项目服务台账',
        params: ZIdParams,
        response: { 200: ZProjectLedger },
      },
    },
    async (req) => {
      const ledger = await tickets.projectLedger(db, req.auth, req.params.id);
      await recordExport(db, req.auth, { what: 'service_ledger', id: req.params.id }, auditClient(req));
      return ledger;
    },
  );

  app.put(
    '/api/projects/:id/commissioner',
    {
      config: { action: 'project.transition' },
      schema: {
        tags,
        summary: 'Name the project’s service commissioner / 指定项目服务专员',
        params: ZIdParams,
        body: ZCommissionerRequest,
        response: { 200: ZProjectLedger },
      },
    },
    async (req) => tickets.setCommissioner(db, req.auth, req.params.id, req.body),
  );

  // ---------------------------------------------------------------- visits

  app.get(
    '/api/services/visits',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Enterprise visits / 企业走访记录',
        querystring: z.object({ enterpriseId: z.string().uuid().optional() }),
        response: { 200: ZVisitList },
      },
    },
    async (req) => visits.listVisits(db, req.auth, req.query),
  );

  app.post(
    '/api/services/visits',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Record a visit with its occasion / 登记企业走访',
        body: ZVisitRequest,
        response: { 201: ZVisit },
      },
    },
    async (req, reply) => reply.code(201).send(await visits.recordVisit(db, req.auth, req.body)),
  );

  app.post(
    '/api/services/visit-occasions',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Record an occasion that calls for a visit (六必访) / 登记必访情形',
        body: ZOccasionRequest,
        response: { 201: ZOccasion },
      },
    },
    async (req, reply) => reply.code(201).send(await visits.recordOccasion(db, req.auth, req.body)),
  );

  app.get(
    '/api/services/visits/due',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Enterprises due a visit / 应访未访企业',
        response: { 200: ZDueVisits },
      },
    },
    async (req) => visits.dueVisits(db, req.auth),
  );
};
