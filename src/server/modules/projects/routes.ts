import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fileRoutes } from './files';
import {
  ZCreateProjectRequest,
  ZKanban,
  ZKanbanQuery,
  ZProject,
  ZProjectList,
  ZProjectListQuery,
  ZProjectParams,
  ZSavedViews,
  ZTransitionRequest,
  ZUpdateProjectRequest,
} from './schema';
import { ZCoordinationOutcome } from '../coordination/schema';
import * as projects from './service';

export const projectRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  await app.register(fileRoutes);

  app.get(
    '/api/projects',
    {
      config: { action: 'read' },
      schema: {
        tags: ['projects'],
        summary: 'List, filter and search projects / 项目库列表与检索',
        querystring: ZProjectListQuery,
        response: { 200: ZProjectList },
      },
    },
    async (req) => projects.listProjects(db, req.auth, req.query),
  );

  app.get(
    '/api/projects/views',
    {
      config: { action: 'read' },
      schema: {
        tags: ['projects'],
        summary: 'Saved views (Jiaxing four lists, Jiangmen ledger) / 常用清单',
        response: { 200: ZSavedViews },
      },
    },
    async () => projects.savedViews(),
  );

  app.get(
    '/api/projects/kanban',
    {
      config: { action: 'read' },
      schema: {
        tags: ['projects'],
        summary: 'Projects by stage, for the kanban board / 项目阶段看板',
        querystring: ZKanbanQuery,
        response: { 200: ZKanban },
      },
    },
    async (req) => projects.kanban(db, req.auth, req.query),
  );

  app.get(
    '/api/projects/:id',
    {
      config: { action: 'read' },
      schema: {
        tags: ['projects'],
        summary: 'One project with its timeline / 项目详情与进展时间线',
        params: ZProjectParams,
        response: { 200: ZProject },
      },
    },
    async (req) => projects.getProject(db, req.auth, req.params.id),
  );

  app.post(
    '/api/projects',
    {
      config: { action: 'project.write' },
      schema: {
        tags: ['projects'],
        summary: 'Register a project (code generated) / 新增项目',
        body: ZCreateProjectRequest,
        response: {
          201: ZProject.extend({
            coordination: ZCoordinationOutcome.describe(
              'First report recorded, and possible duplicates in any region (conflict held for arbitration, or a warning)',
            ),
          }),
        },
      },
    },
    async (req, reply) => reply.code(201).send(await projects.createProject(db, req.auth, req.body)),
  );

  app.patch(
    '/api/projects/:id',
    {
      config: { action: 'project.write' },
      schema: {
        tags: ['projects'],
        summary: 'Change a project (needs its version) / 修改项目信息',
        params: ZProjectParams,
        body: ZUpdateProjectRequest,
        response: {
          200: ZProject.extend({
            coordination: ZCoordinationOutcome.optional().describe(
              'Present when the name or the enterprises changed: the duplicate check across regions again',
            ),
          }),
        },
      },
    },
    async (req) => projects.updateProject(db, req.auth, req.params.id, req.body),
  );

  app.post(
    '/api/projects/:id/transitions',
    {
      config: { action: 'project.transition' },
      schema: {
        tags: ['projects'],
        summary: 'Move a project to another stage / 变更项目阶段',
        params: ZProjectParams,
        body: ZTransitionRequest,
        response: { 200: ZProject },
      },
    },
    async (req) => projects.transitionProject(db, req.auth, req.params.id, req.body),
  );
};
