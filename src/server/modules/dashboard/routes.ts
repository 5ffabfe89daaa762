import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZDashboard, ZDashboardQuery, ZDrillQuery, ZDrillResult } from './schema';
import * as dashboard from './service';

/** The leader's cockpit (驾驶舱) and the projects behind each of its numbers. */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/api/dashboard',
    {
      config: { action: 'read' },
      schema: {
        tags: ['dashboard'],
        summary: 'Leader dashboard: KPIs against targets, funnel, regions, chains, trend, lists / 领导驾驶舱',
        querystring: ZDashboardQuery,
        response: { 200: ZDashboard },
      },
    },
    async (req) => dashboard.dashboard(db, req.auth, req.query),
  );

  app.get(
    '/api/dashboard/drill',
    {
      config: { action: 'read' },
      schema: {
        tags: ['dashboard'],
        summary: 'The projects behind a dashboard number / 驾驶舱数字下钻到项目',
        querystring: ZDrillQuery,
        response: { 200: ZDrillResult },
      },
    },
    async (req) => dashboard.drill(db, req.auth, req.query),
  );
};
