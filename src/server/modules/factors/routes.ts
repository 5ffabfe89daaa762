import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZDate } from '../../lib/input';
import { pickLang } from '../../lib/problem';
import * as library from './library.service';
import * as lists from './lists.service';
import * as matching from './matching.service';
import * as reservations from './reservations.service';
import {
  ZAllocation,
  ZAllocationList,
  ZBuilding,
  ZBuildingList,
  ZBuildingQuery,
  ZByLevel,
  ZCreateAllocation,
  ZCreateBuilding,
  ZCreateFund,
  ZCreateParcel,
  ZCreateQuota,
  ZCreateReservation,
  ZDemandResponse,
  ZFund,
  ZFundList,
  ZFundQuery,
  ZIdParams,
  ZLandLists,
  ZLandListsQuery,
  ZMapPoints,
  ZMapQuery,
  ZMatchQuery,
  ZMatchResult,
  ZParcel,
  ZParcelList,
  ZParcelQuery,
  ZPriorityShare,
  ZProjectParams,
  ZPutDemand,
  ZQuota,
  ZQuotaList,
  ZQuotaQuery,
  ZReleaseReservation,
  ZReservation,
  ZReservationList,
  ZReservationQuery,
  ZShareQuery,
  ZUpdateBuilding,
  ZUpdateFund,
  ZUpdateParcel,
  ZUpdateQuota,
} from './schema';

const tags = ['factors'];

/** The supply library, demand and matching, reservations, lists and the map. */
export const factorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  // ---------------------------------------------------------------- parcels
  app.get(
    '/api/factors/parcels',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'List land parcels / 地块列表',
        querystring: ZParcelQuery,
        response: { 200: ZParcelList },
      },
    },
    async (req) => library.listParcels(db, req.auth, req.query),
  );
  app.get(
    '/api/factors/parcels/:id',
    {
      config: { action: 'read' },
      schema: { tags, summary: 'One parcel / 地块详情', params: ZIdParams, response: { 200: ZParcel } },
    },
    async (req) => library.getParcel(db, req.auth, req.params.id),
  );
  app.post(
    '/api/factors/parcels',
    {
      config: { action: 'project.write' },
      schema: { tags, summary: 'Add a parcel / 新增地块', body: ZCreateParcel, response: { 201: ZParcel } },
    },
    async (req, reply) => reply.code(201).send(await library.createParcel(db, req.auth, req.body)),
  );
  app.patch(
    '/api/factors/parcels/:id',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Change a parcel (needs its version) / 修改地块',
        params: ZIdParams,
        body: ZUpdateParcel,
        response: { 200: ZParcel },
      },
    },
    async (req) => library.updateParcel(db, req.auth, req.params.id, req.body),
  );

  // ---------------------------------------------------------------- buildings
  app.get(
    '/api/factors/buildings',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'List buildings and standard factories / 楼宇厂房列表',
        querystring: ZBuildingQuery,
        response: { 200: ZBuildingList },
      },
    },
    async (req) => library.listBuildings(db, req.auth, req.query),
  );
  app.get(
    '/api/factors/buildings/:id',
    {
      config: { action: 'read' },
      schema: { tags, summary: 'One building / 楼宇厂房详情', params: ZIdParams, response: { 200: ZBuilding } },
    },
    async (req) => library.getBuilding(db, req.auth, req.params.id),
  );
  app.post(
    '/api/factors/buildings',
    {
      config: { action: 'project.write' },
      schema: { tags, summary: 'Add a building / 新增楼宇厂房', body: ZCreateBuilding, response: { 201: ZBuilding } },
    },
    async (req, reply) => reply.code(201).send(await library.createBuilding(db, req.auth, req.body)),
  );
  app.patch(
    '/api/factors/buildings/:id',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Change a building (needs its version) / 修改楼宇厂房',
        params: ZIdParams,
        body: ZUpdateBuilding,
        response: { 200: ZBuilding },
      },
    },
    async (req) => library.updateBuilding(db, req.auth, req.params.id, req.body),
  );

  // ---------------------------------------------------------------- funds
  app.get(
    '/api/factors/funds',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'List industrial funds / 产业基金列表',
        querystring: ZFundQuery,
        response: { 200: ZFundList },
      },
    },
    async (req) => library.listFunds(db, req.auth, req.query),
  );
  app.post(
    '/api/factors/funds',
    {
      config: { action: 'project.write' },
      schema: { tags, summary: 'Add a fund / 新增基金', body: ZCreateFund, response: { 201: ZFund } },
    },
    async (req, reply) => reply.code(201).send(await library.createFund(db, req.auth, req.body)),
  );
  app.patch(
    '/api/factors/funds/:id',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Change a fund (needs its version) / 修改基金',
        params: ZIdParams,
        body: ZUpdateFund,
        response: { 200: ZFund },
      },
    },
    async (req) => library.updateFund(db, req.auth, req.params.id, req.body),
  );

  // ---------------------------------------------------------------- quotas
  app.get(
    '/api/factors/quotas',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Zone quotas with what is allocated and left / 园区要素指标',
        querystring: ZQuotaQuery,
        response: { 200: ZQuotaList },
      },
    },
    async (req) => library.listQuotas(db, req.auth, req.query),
  );
  app.post(
    '/api/factors/quotas',
    {
      config: { action: 'project.write' },
      schema: { tags, summary: 'Set a zone quota / 新增园区指标', body: ZCreateQuota, response: { 201: ZQuota } },
    },
    async (req, reply) => reply.code(201).send(await library.createQuota(db, req.auth, req.body)),
  );
  app.patch(
    '/api/factors/quotas/:id',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Change a quota total (needs its version) / 修改指标总量',
        params: ZIdParams,
        body: ZUpdateQuota,
        response: { 200: ZQuota },
      },
    },
    async (req) => library.updateQuota(db, req.auth, req.params.id, req.body),
  );
  app.get(
    '/api/factors/quotas/:id/allocations',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Allocations of a quota / 指标分配记录',
        params: ZIdParams,
        response: { 200: ZAllocationList },
      },
    },
    async (req) => library.listAllocations(db, req.auth, req.params.id),
  );
  app.post(
    '/api/factors/quotas/:id/allocations',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Allocate part of a quota / 分配指标',
        params: ZIdParams,
        body: ZCreateAllocation,
        response: { 201: ZAllocation },
      },
    },
    async (req, reply) => reply.code(201).send(await library.allocateQuota(db, req.auth, req.params.id, req.body)),
  );

  // ---------------------------------------------------------------- demand and matching
  app.get(
    '/api/factors/demands/:projectId',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: "A project's factor demand / 项目要素需求",
        params: ZProjectParams,
        response: { 200: ZDemandResponse },
      },
    },
    async (req) => matching.getDemand(db, req.auth, req.params.projectId),
  );
  app.put(
    '/api/factors/demands/:projectId',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: "Record a project's factor demand (version 0 creates) / 填写项目要素需求",
        params: ZProjectParams,
        body: ZPutDemand,
        response: { 200: ZDemandResponse },
      },
    },
    async (req) => matching.putDemand(db, req.auth, req.params.projectId, req.body),
  );
  app.get(
    '/api/factors/match',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Rank library items for a project, with the reasons / 要素匹配',
        querystring: ZMatchQuery,
        response: { 200: ZMatchResult },
      },
    },
    async (req) => matching.matchProject(db, req.auth, req.query, pickLang(req.headers['accept-language'])),
  );

  // ---------------------------------------------------------------- reservations
  app.get(
    '/api/factors/reservations',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Reservations / 要素预留',
        querystring: ZReservationQuery,
        response: { 200: ZReservationList },
      },
    },
    async (req) => reservations.listReservations(db, req.auth, req.query),
  );
  app.post(
    '/api/factors/reservations',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Reserve a parcel or building for a project / 预留要素',
        body: ZCreateReservation,
        response: { 201: ZReservation },
      },
    },
    async (req, reply) => reply.code(201).send(await reservations.createReservation(db, req.auth, req.body)),
  );
  app.post(
    '/api/factors/reservations/:id/release',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Release a hold / 释放预留',
        params: ZIdParams,
        body: ZReleaseReservation,
        response: { 200: ZReservation },
      },
    },
    async (req) => reservations.releaseReservation(db, req.auth, req.params.id, req.body.reason),
  );
  app.post(
    '/api/factors/reservations/:id/use',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'The project took the item / 预留转为使用',
        params: ZIdParams,
        response: { 200: ZReservation },
      },
    },
    async (req) => reservations.useReservation(db, req.auth, req.params.id),
  );
  app.patch(
    '/api/factors/reservations/:id',
    {
      config: { action: 'project.write' },
      schema: {
        tags,
        summary: 'Extend a hold (needs its version) / 延长预留',
        params: ZIdParams,
        body: z.object({
          version: z.number().int().min(1),
          expiresOn: ZDate,
        }),
        response: { 200: ZReservation },
      },
    },
    async (req) => reservations.extendReservation(db, req.auth, req.params.id, req.body),
  );

  // ---------------------------------------------------------------- lists and map
  app.get(
    '/api/factors/lists/land',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Contiguous land ≥100亩 and reserves ≥200亩 (per policy) / 连片土地与储备清单',
        querystring: ZLandListsQuery,
        response: { 200: ZLandLists },
      },
    },
    async (req) => lists.landLists(db, req.auth, req.query.regionCode, req.query.date),
  );
  app.get(
    '/api/factors/lists/by-level',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Resources by level / 分级载体资源',
        querystring: ZLandListsQuery.pick({ regionCode: true }),
        response: { 200: ZByLevel },
      },
    },
    async (req) => lists.resourcesByLevel(db, req.auth, req.query.regionCode),
  );
  app.get(
    '/api/factors/lists/priority-zone-share',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Share of quotas and major projects in provincial-level-or-above zones / 省级以上园区要素占比',
        querystring: ZShareQuery,
        response: { 200: ZPriorityShare },
      },
    },
    async (req) => lists.priorityZoneShare(db, req.auth, req.query.regionCode, req.query.year),
  );
  app.get(
    '/api/factors/map',
    {
      config: { action: 'read' },
      schema: {
        tags,
        summary: 'Parcels and buildings with coordinates, for the map / 要素地图',
        querystring: ZMapQuery,
        response: { 200: ZMapPoints },
      },
    },
    async (req) => lists.mapPoints(db, req.auth, req.query),
  );
};
