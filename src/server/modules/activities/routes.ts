import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZActivityCatalog,
  ZActivityDetail,
  ZActivityList,
  ZActivityListQuery,
  ZActivityParams,
  ZActivityProjectParams,
  ZCreateActivityRequest,
  ZCreateDeploymentRequest,
  ZDeployment,
  ZDeploymentList,
  ZDeploymentQuery,
  ZLinkProjectRequest,
  ZQuotaQuery,
  ZQuotas,
  ZUpdateActivityRequest,
  ZUpdateDeploymentRequest,
} from './schema';
import * as activities from './service';

export const activityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const tags = ['activities'];

  app.get(
    '/api/activities/catalog',
    {
      config: { action: 'read' },
      schema: { tags, summary: 'Activity kinds / 招商活动类型', response: { 200: ZActivityCatalog } },
    },
    async () => activities.catalog(),
  );

  app.get(
    '/api/activities',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'List activities and trips / 招商活动与外出招商列表',
        querystring: ZActivityListQuery,
        response: { 200: ZActivityList },
      },
    },
    async (req) => activities.listActivities(db, req.auth, req.query),
  );

  app.get(
    '/api/activities/quotas',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Quota progress of leaders and localities / 领导及各地招商任务进度',
        querystring: ZQuotaQuery,
        response: { 200: ZQuotas },
      },
    },
    async (req) => activities.quotaProgress(db, req.auth, req.query),
  );

  app.get(
    '/api/activities/:id',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'One activity with its result projects / 招商活动详情',
        params: ZActivityParams,
        response: { 200: ZActivityDetail },
      },
    },
    async (req) => activities.getActivity(db, req.auth, req.params.id),
  );

  app.post(
    '/api/activities',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Record an activity or trip / 登记招商活动或外出招商',
        body: ZCreateActivityRequest,
        response: { 201: ZActivityDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await activities.createActivity(db, req.auth, req.body)),
  );

  app.patch(
    '/api/activities/:id',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Change an activity (needs its version) / 修改招商活动',
        params: ZActivityParams,
        body: ZUpdateActivityRequest,
        response: { 200: ZActivityDetail },
      },
    },
    async (req) => activities.updateActivity(db, req.auth, req.params.id, req.body),
  );

  app.post(
    '/api/activities/:id/projects',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Record a project as a result of the activity / 登记活动成果项目',
        params: ZActivityParams,
        body: ZLinkProjectRequest,
        response: { 200: ZActivityDetail },
      },
    },
    async (req) => activities.linkResultProject(db, req.auth, req.params.id, req.body.projectId),
  );

  app.delete(
    '/api/activities/:id/projects/:projectId',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Remove a result project / 移除活动成果项目',
        params: ZActivityProjectParams,
        response: { 200: ZActivityDetail },
      },
    },
    async (req) => activities.unlinkResultProject(db, req.auth, req.params.id, req.params.projectId),
  );

  app.get(
    '/api/deployments',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Stationed teams and how many are out / 驻点招商队伍',
        querystring: ZDeploymentQuery,
        response: { 200: ZDeploymentList },
      },
    },
    async (req) => activities.listDeployments(db, req.auth, req.query),
  );

  app.post(
    '/api/deployments',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Send out a stationed team / 派出驻点招商队伍',
        body: ZCreateDeploymentRequest,
        response: { 201: ZDeployment },
      },
    },
    async (req, reply) => reply.code(201).send(await activities.createDeployment(db, req.auth, req.body)),
  );

  app.patch(
    '/api/deployments/:id',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Change or recall a stationed team (needs its version) / 修改或撤回驻点队伍',
        params: ZActivityParams,
        body: ZUpdateDeploymentRequest,
        response: { 200: ZDeployment },
      },
    },
    async (req) => activities.updateDeployment(db, req.auth, req.params.id, req.body),
  );
};
