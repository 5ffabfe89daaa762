import type { FastifyInstance } from 'fastify';
import { activityRoutes } from './activities/routes';
import { assessmentRoutes } from './assessment/routes';
import { chainRoutes } from './chains/routes';
import { coordinationRoutes } from './coordination/routes';
import { dashboardRoutes } from './dashboard/routes';
import { enterpriseRoutes } from './enterprises/routes';
import { factorExcelRoutes } from './factors/excel.routes';
import { factorRoutes } from './factors/routes';
import { notificationRoutes } from './notifications/routes';
import { partnerRoutes } from './partners/routes';
import { policyRoutes } from './policies/routes';
import { portalRoutes } from './portal/routes';
import { projectExcelRoutes } from './projects/excel.routes';
import { projectReportRoutes } from './projects/reports.routes';
import { projectRoutes } from './projects/routes';
import { regionsRoutes } from './regions/routes';
import { securityRoutes } from './security/routes';
import { servicesRoutes } from './services/routes';

/** Feature modules register here, one line each. */
export async function registerModules(app: FastifyInstance): Promise<void> {
  void app;
  await app.register(regionsRoutes);
  await app.register(policyRoutes);
  await app.register(notificationRoutes);
  await app.register(enterpriseRoutes);
  await app.register(projectRoutes);
  await app.register(projectReportRoutes);
  await app.register(projectExcelRoutes);
  await app.register(coordinationRoutes);
  await app.register(assessmentRoutes);
  await app.register(dashboardRoutes);
  await app.register(chainRoutes);
  await app.register(servicesRoutes);
  await app.register(factorRoutes);
  await app.register(factorExcelRoutes);
  await app.register(activityRoutes);
  await app.register(partnerRoutes);
  await app.register(portalRoutes);
  await app.register(securityRoutes);
}
