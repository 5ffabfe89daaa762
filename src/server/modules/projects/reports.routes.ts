import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZOverdueQuery,
  ZOverdueReports,
  ZProjectIdParams,
  ZReport,
  ZReportList,
  ZStalledList,
  ZSubmitReportRequest,
  ZTaskForce,
  ZTaskForceRequest,
} from './reports.schema';
import * as reports from './reports.service';

/** Monthly progress reports, the overdue list, stalled negotiations and task forces. */
export const projectReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.post(
    '/api/projects/:id/reports',
    {
      config: { action: 'report.submit' },
      schema: {
        tags: ['projects'],
        summary: 'Submit the monthly progress report / 填报月度进展',
        params: ZProjectIdParams,
        body: ZSubmitReportRequest,
        response: { 201: ZReport },
      },
    },
    async (req, reply) => reply.code(201).send(await reports.submitReport(db, req.auth, req.params.id, req.body)),
  );

  app.get(
    '/api/projects/:id/reports',
    {
      config: { action: 'read' },
      schema: {
        tags: ['projects'],
        summary: 'Every progress report version of a project / 项目月度进展（含历次版本）',
        params: ZProjectIdParams,
        response: { 200: ZReportList },
      },
    },
    async (req) => reports.listProjectReports(db, req.auth, req.params.id),
  );

  app.get(
    '/api/reports/overdue',
    {
      config: { action: 'read' },
      schema: {
        tags: ['projects'],
        summary: 'Units with overdue monthly reports / 月度进展逾期未报清单',
        querystring: ZOverdueQuery,
        response: { 200: ZOverdueReports },
      },
    },
    async (req) => reports.listOverdueReports(db, req.auth, req.query),
  );

  app.get(
    '/api/projects/stalled',
    {
      config: { action: 'read' },
      schema: {
        tags: ['projects'],
        summary: 'Stalled negotiations / 停滞项目清单',
        response: { 200: ZStalledList },
      },
    },
    async (req) => reports.listStalledProjects(db, req.auth),
  );

  app.post(
    '/api/projects/:id/task-forces',
    {
      config: { action: 'leader.decide' },
      schema: {
        tags: ['projects'],
        summary: 'Assign a task force (leaders) / 指派包保专班',
        params: ZProjectIdParams,
        body: ZTaskForceRequest,
        response: { 201: ZTaskForce },
      },
    },
    async (req, reply) => reply.code(201).send(await reports.assignTaskForce(db, req.auth, req.params.id, req.body)),
  );
};
