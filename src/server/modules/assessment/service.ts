import {
  missed,
  parsePeriod,
  rankByScore,
  rate,
  reminderTalk,
  scoreRegion,
  type Period,
  type SchemeRules,
  type YearOutcome,
} from '../../../domain/assessment';
import { AppError } from '../../../domain/errors';
import {
  activityMetricRows,
  completionPercent,
  findIndicator,
  INDICATORS,
  indicatorValues,
  sumMetricRows,
  type IndicatorDefinition,
} from '../../../domain/indicators';
import { addWan } from '../../../domain/money';
import { can, type Action } from '../../../domain/permissions';
import { decomposeByGrowth, splitTarget } from '../../../domain/targets';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { PUBLIC_SCOPE } from '../../lib/scope';
import { activityIndicators } from '../activities/service';
import { recordAudit } from '../audit/service';
import { effectivePolicy } from '../policies/service';
import * as repo from './repository';
import type {
  TCorrection,
  TCorrectionRequest,
  TDecomposeRequest,
  TDecomposition,
  TPublicRanking,
  TPutTargetRequest,
  TRanking,
  TRankingRow,
  TScheme,
  TTarget,
} from './schema';

const DENIED: Record<string, { zh: string; en: string }> = {
  'assessment.manage': {
    zh: '只有领导和管理员可以管理目标与考核',
    en: 'Only leaders and administrators manage targets and assessment',
  },
  'sampling.verify': {
    zh: '只有核查员、领导和管理员可以记录核查结果',
    en: 'Only verifiers, leaders and administrators record findings',
  },
};

export function requireAction(auth: AuthContext, action: Action): void {
  if (!can(auth.user.role, action)) throw new AppError('FORBIDDEN', { detail: DENIED[action] });
}

const notFound = (what: string) =>
  new AppError('NOT_FOUND', { detail: { zh: `${what}不存在`, en: `No such ${what}` } });

export async function regionInScopeOr404(db: Db, auth: AuthContext, code: string): Promise<repo.RegionRow> {
  const region = await repo.findRegionInScope(db, auth.scope, code);
  if (!region) throw new AppError('NOT_FOUND', { detail: { zh: '地区不存在', en: 'No such region' } });
  return region;
}

export function presentIndicator(d: IndicatorDefinition) {
  return { key: d.key, version: d.version, name: d.name, unit: d.unit, definition: d.definition };
}

export function listIndicators() {
  return { items: INDICATORS.map(presentIndicator) };
}

// ================================================================ targets

function presentTarget(row: repo.TargetRow): TTarget {
  return {
    id: row.id,
    year: row.year,
    region: { code: row.regionCode, name: row.regionName },
    indicator: row.indicator,
    value: formatDecimal(row.value),
    origin: row.origin,
    source: row.source,
    note: row.note,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** numeric text "1600.0000" → "1600". */
function formatDecimal(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

export async function listTargets(
  db: Db,
  auth: AuthContext,
  year: number,
  region?: string,
): Promise<{ items: TTarget[] }> {
  if (region) await regionInScopeOr404(db, auth, region);
  return { items: (await repo.listTargets(db, auth.scope, year, region)).map(presentTarget) };
}

/** Writes one target inside `tx` (insert, or update at `version`), with its audit row. */
async function writeTarget(
  tx: Db,
  auth: AuthContext,
  input: { year: number; regionCode: string; indicator: string; value: string; note?: string | null; version?: number },
  origin: 'entered' | 'decomposed',
  source: string | null,
): Promise<string> {
  const existing = await repo.findTarget(tx, input.year, input.regionCode, input.indicator);
  if (!existing) {
    const id = await repo.insertTarget(tx, {
      year: input.year,
      regionCode: input.regionCode,
      indicator: input.indicator,
      value: input.value,
      origin,
      source,
      note: input.note ?? null,
      updatedBy: auth.user.id,
    });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'target.create',
      entity: 'target',
      entityId: id,
      regionCode: input.regionCode,
      after: { ...input, origin, source },
    });
    return id;
  }
  const version = input.version ?? (origin === 'decomposed' ? existing.version : undefined);
  if (version === undefined) {
    throw new AppError('VALIDATION', {
      fields: [
        { field: 'body.version', zh: '修改已有目标须提供版本号', en: 'Changing an existing target needs its version' },
      ],
    });
  }
  const ok = await repo.updateTarget(tx, existing.id, version, {
    value: input.value,
    origin,
    source,
    note: input.note ?? existing.note,
    updatedBy: auth.user.id,
  });
  if (!ok) throw new AppError('VERSION_CONFLICT');
  await recordAudit(tx, {
    actorId: auth.user.id,
    action: 'target.update',
    entity: 'target',
    entityId: existing.id,
    regionCode: input.regionCode,
    before: { value: existing.value, origin: existing.origin },
    after: { value: input.value, origin, source },
  });
  return existing.id;
}

export async function putTarget(db: Db, auth: AuthContext, input: TPutTargetRequest): Promise<TTarget> {
  requireAction(auth, 'assessment.manage');
  await regionInScopeOr404(db, auth, input.regionCode);
  return db.transaction(async (tx) => {
    const id = await writeTarget(tx, auth, input, 'entered', null);
    return presentTarget((await repo.findTargetById(tx, id))!);
  });
}

/**
 * Decomposes a parent's target onto its children (Gansu §一: +15% required, dispatched at +20%,
 * the pack's `targetGrowth`). growth: each child's base grown by the dispatched rate; split: the
 * parent's entered target, scaled by dispatched/required, shared in proportion to the bases.
 */
export async function decomposeTargets(db: Db, auth: AuthContext, input: TDecomposeRequest): Promise<TDecomposition> {
  requireAction(auth, 'assessment.manage');
  const parent = await regionInScopeOr404(db, auth, input.parentRegionCode);
  const children = await repo.childRegions(db, parent.code);
  const childCodes = new Set(children.map((c) => c.code));
  input.children.forEach((c, i) => {
    if (!childCodes.has(c.regionCode)) {
      throw new AppError('VALIDATION', {
        fields: [
          {
            field: `body.children.${i}.regionCode`,
            zh: `${c.regionCode} 不是 ${parent.name} 的下级地区`,
            en: `${c.regionCode} is not directly under ${parent.nameEn || parent.name}`,
          },
        ],
      });
    }
  });
  const policy = await effectivePolicy(db, parent.code, `${input.year}-01-01`);
  const g = policy.targetGrowth;
  const growth = { required: g?.value.required ?? 0, dispatched: g?.value.dispatched ?? 0, source: g?.source ?? null };
  const parentTargetRow = await repo.findTarget(db, input.year, parent.code, input.indicator);
  let parts: { regionCode: string; target: string }[];
  let parentRequired: string | null = null;
  let covers: boolean | null = null;
  if (input.mode === 'growth') {
    const d = decomposeByGrowth(input.children, growth);
    parts = d.children;
    parentRequired = d.parentRequired;
    covers = d.covers;
  } else {
    if (!parentTargetRow) {
      throw new AppError('VALIDATION', {
        fields: [
          {
            field: 'body.parentRegionCode',
            zh: `${parent.name}${input.year}年尚无该指标目标，无法分解`,
            en: `${parent.nameEn || parent.name} has no ${input.year} target for this indicator to split`,
          },
        ],
      });
    }
    parts = splitTarget(parentTargetRow.value, input.children, g ? growth : null);
  }
  const source = `${parent.name} ${input.year} ${input.mode === 'growth' ? '增长分解' : '按基数分解'}${growth.source ? ` (${growth.source})` : ''}`;
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    for (const part of parts) {
      ids.push(
        await writeTarget(
          tx,
          auth,
          { year: input.year, regionCode: part.regionCode, indicator: input.indicator, value: part.target },
          'decomposed',
          source,
        ),
      );
    }
    const items: TTarget[] = [];
    for (const id of ids) items.push(presentTarget((await repo.findTargetById(tx, id))!));
    return {
      items,
      growth,
      parentTarget: parentTargetRow ? formatDecimal(parentTargetRow.value) : null,
      parentRequired,
      parentDispatched: addWan(...parts.map((p) => p.target)),
      covers,
    };
  });
}

// ================================================================ schemes

/** Used where a region has no scheme of its own: funds in place, signed amount, ≥1亿 projects. */
export const PLATFORM_SCHEME: { name: { zh: string; en: string }; rules: SchemeRules } = {
  name: { zh: '平台默认考核方案', en: 'Platform default scheme' },
  rules: {
    indicators: [
      { key: 'fundsInPlaceWan', weight: 40 },
      { key: 'signedAmountWan', weight: 30 },
      { key: 'projectsGe1Yi', weight: 30 },
    ],
    mainIndicator: 'fundsInPlaceWan',
    completionCapPercent: '120',
    ratingBands: { excellent: 95, good: 80, pass: 60 },
    excellentMinCompletion: null,
    reminderAfterYears: null,
    source: 'platform default / 平台默认',
  },
};

export async function listSchemes(db: Db): Promise<{ items: TScheme[] }> {
  const list = await repo.listSchemes(db);
  const items: TScheme[] = [];
  for (const s of list) {
    const region = await repo.findRegion(db, s.regionCode);
    items.push(presentScheme(s, region?.name ?? s.regionCode));
  }
  return { items };
}

function presentScheme(s: repo.SchemeRow, regionName: string): TScheme {
  return {
    id: s.id,
    region: { code: s.regionCode, name: regionName },
    name: s.name,
    packId: s.packId,
    rules: s.rules,
    validFrom: s.validFrom,
    validTo: s.validTo,
    version: s.version,
  };
}

export async function updateScheme(
  db: Db,
  auth: AuthContext,
  id: string,
  input: { version: number; rules: SchemeRules },
): Promise<TScheme> {
  requireAction(auth, 'assessment.manage');
  const scheme = await repo.findScheme(db, id);
  if (!scheme) throw notFound('考核方案');
  const region = await regionInScopeOr404(db, auth, scheme.regionCode);
  const weights = input.rules.indicators.reduce((s, i) => s + i.weight, 0);
  if (weights !== 100) {
    throw new AppError('VALIDATION', {
      fields: [
        {
          field: 'body.rules.indicators',
          zh: `权重之和应为100，现为${weights}`,
          en: `Weights must add up to 100, not ${weights}`,
        },
      ],
    });
  }
  if (!input.rules.indicators.some((i) => i.key === input.rules.mainIndicator)) {
    throw new AppError('VALIDATION', {
      fields: [
        {
          field: 'body.rules.mainIndicator',
          zh: '主指标须在指标列表中',
          en: 'The main indicator must be one of the indicators',
        },
      ],
    });
  }
  return db.transaction(async (tx) => {
    const ok = await repo.updateScheme(tx, id, input.version, { rules: input.rules });
    if (!ok) throw new AppError('VERSION_CONFLICT');
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'scheme.update',
      entity: 'assessment_scheme',
      entityId: id,
      regionCode: scheme.regionCode,
      before: scheme.rules,
      after: input.rules,
    });
    return presentScheme((await repo.findScheme(tx, id))!, region.name);
  });
}

// ================================================================ rankings

function mustPeriod(key: string): Period {
  const p = parsePeriod(key);
  if (!p)
    throw new AppError('VALIDATION', { fields: [{ field: 'query.period', zh: '期间格式有误', en: 'Bad period' }] });
  return p;
}

/**
 * The ranking of the regions directly under `root` for a period, computed now from the
 * summaries (year to date against annual targets, both regions credited for transfers).
 */
export async function computeRanking(db: Db, root: repo.RegionRow, periodKey: string): Promise<TRanking> {
  const period = mustPeriod(periodKey);
  const schemeRow = await repo.schemeFor(db, root.code, period.year);
  const scheme = schemeRow
    ? { name: schemeRow.name, rules: { ...schemeRow.rules }, packId: schemeRow.packId }
    : { ...PLATFORM_SCHEME, packId: null };
  const policy = await effectivePolicy(db, root.code, `${period.to}-28`);
  if (policy.excellentMinCompletion) scheme.rules.excellentMinCompletion = policy.excellentMinCompletion.value;
  const keyShare = policy.keyChainShareTarget;

  const children = await repo.childRegions(db, root.code);
  const metricRows = await repo.metricsByChild(db, root, period.ytdFrom, period.to, ['host', 'credit']);
  const targets = await repo.targetsOf(
    db,
    period.year,
    children.map((c) => c.code),
  );
  const falseData = await repo.falseDataRegions(db, root, period.year);
  // Trips and activities come from the activity register, over the same months and subtrees.
  const activity = new Map(
    (
      await activityIndicators(db, {
        regionCodes: [root.code, ...children.map((c) => c.code)],
        from: period.ytdFrom,
        to: period.to,
      })
    ).map((a) => [a.regionCode, a]),
  );

  const totals = indicatorValues(sumMetricRows([...metricRows, ...activityMetricRows(activity.get(root.code))]));
  const scored = children.map((child) => {
    const values = indicatorValues(
      sumMetricRows([
        ...metricRows.filter((r) => r.child === child.code),
        ...activityMetricRows(activity.get(child.code)),
      ]),
    );
    const own = targets.get(child.code) ?? {};
    const childTargets: Record<string, string | null> = {};
    const completion: Record<string, string | null> = {};
    for (const ind of scheme.rules.indicators) {
      let target = own[ind.key] ?? null;
      if (target === null && ind.key === 'keyChainSharePercent' && keyShare) target = String(keyShare.value * 100);
      childTargets[ind.key] = target === null ? null : formatDecimal(target);
      completion[ind.key] = completionPercent(values[ind.key] ?? null, target);
    }
    const s = scoreRegion(scheme.rules, completion);
    return { child, values, targets: childTargets, completion, score: s.score, mainCompletion: s.mainCompletion };
  });
  const ranked = rankByScore(scored);
  const lastRank = Math.max(0, ...ranked.map((r) => r.rank ?? 0));
  const history =
    period.kind === 'year' ? await yearHistory(db, root.code, period.year) : new Map<string, YearOutcome[]>();
  const rows: TRankingRow[] = ranked.map((r) => {
    const flagged = falseData.has(r.child.code);
    const rating =
      period.kind === 'year' || period.kind === 'half' || period.kind === 'quarter'
        ? rate(scheme.rules, { score: r.score, mainCompletion: r.mainCompletion, falseData: flagged })
        : { rating: null, capped: null };
    const outcome: YearOutcome = {
      year: period.year,
      lastPlace: r.rank !== null && r.rank === lastRank && ranked.length > 1,
      missedTarget: missed(r.mainCompletion),
    };
    const reminder =
      period.kind === 'year'
        ? reminderTalk([...(history.get(r.child.code) ?? []), outcome], period.year, scheme.rules.reminderAfterYears)
        : null;
    return {
      region: { code: r.child.code, name: r.child.name },
      values: r.values,
      targets: r.targets,
      completion: r.completion,
      score: r.score,
      rank: r.rank,
      rating: rating.rating,
      capped: rating.capped,
      falseData: flagged,
      reminder,
    };
  });
  rows.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  return {
    region: { code: root.code, name: root.name },
    period: period.key,
    kind: period.kind,
    from: period.ytdFrom,
    to: period.to,
    scheme,
    indicators: scheme.rules.indicators
      .map((i) => findIndicator(i.key))
      .filter((d): d is IndicatorDefinition => Boolean(d))
      .map(presentIndicator),
    rows,
    totals,
    status: 'open',
    snapshotId: null,
    closedAt: null,
    computedAt: new Date().toISOString(),
    corrections: [],
  };
}

/** Earlier closed year rankings of `root`, per child: was it last, did it miss its main target. */
async function yearHistory(db: Db, rootCode: string, year: number): Promise<Map<string, YearOutcome[]>> {
  const out = new Map<string, YearOutcome[]>();
  for (const snap of await repo.yearSnapshots(db, rootCode, year)) {
    const data = snap.data as TRanking;
    const last = Math.max(0, ...data.rows.map((r) => r.rank ?? 0));
    for (const row of data.rows) {
      const main = row.completion[data.scheme.rules.mainIndicator] ?? null;
      const list = out.get(row.region.code) ?? [];
      list.push({
        year: Number(snap.period),
        lastPlace: row.rank !== null && row.rank === last && data.rows.length > 1,
        missedTarget: missed(main),
      });
      out.set(row.region.code, list);
    }
  }
  return out;
}

function presentCorrection(c: repo.CorrectionRow): TCorrection {
  return {
    id: c.id,
    regionCode: c.regionCode,
    indicator: c.indicator,
    previousValue: c.previousValue,
    correctedValue: c.correctedValue,
    reason: c.reason,
    correctedAt: c.correctedAt.toISOString(),
  };
}

/** A closed period's frozen ranking with its corrections listed beside it. */
async function frozenRanking(db: Db, snap: repo.SnapshotRow): Promise<TRanking> {
  const data = snap.data as TRanking;
  return {
    ...data,
    status: 'closed',
    snapshotId: snap.id,
    closedAt: snap.closedAt.toISOString(),
    corrections: (await repo.listCorrections(db, snap.id)).map(presentCorrection),
  };
}

/** The ranking of a period: frozen when the period is closed, computed from the summaries while open. */
export async function getRanking(db: Db, auth: AuthContext, regionCode: string, periodKey: string): Promise<TRanking> {
  const root = await regionInScopeOr404(db, auth, regionCode);
  mustPeriod(periodKey);
  const snap = await repo.findSnapshot(db, root.code, periodKey);
  if (snap) return frozenRanking(db, snap);
  return computeRanking(db, root, periodKey);
}

/** Closes a period: its ranking is frozen as it stands now. */
export async function closePeriod(db: Db, auth: AuthContext, regionCode: string, periodKey: string): Promise<TRanking> {
  requireAction(auth, 'assessment.manage');
  const root = await regionInScopeOr404(db, auth, regionCode);
  if (await repo.findSnapshot(db, root.code, periodKey)) {
    throw new AppError('CONFLICT', { detail: { zh: '该期间已关账', en: 'This period is already closed' } });
  }
  const ranking = await computeRanking(db, root, periodKey);
  return db.transaction(async (tx) => {
    const snap = await repo.insertSnapshot(tx, {
      regionCode: root.code,
      period: periodKey,
      data: ranking,
      closedBy: auth.user.id,
    });
    if (!snap) throw new AppError('CONFLICT', { detail: { zh: '该期间已关账', en: 'This period is already closed' } });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'period.close',
      entity: 'period_snapshot',
      entityId: snap.id,
      regionCode: root.code,
      after: { period: periodKey, rows: ranking.rows.length },
    });
    return frozenRanking(tx, snap);
  });
}

export async function listSnapshots(db: Db, auth: AuthContext, region?: string) {
  return presentSnapshots(await repo.listSnapshots(db, auth.scope, region));
}

/** Every closed period's ranking is published (gansu §(二十六)): the portal lists them, newest first. */
export async function publishedRankings(db: Db, region?: string) {
  return presentSnapshots(await repo.listSnapshots(db, PUBLIC_SCOPE, region));
}

function presentSnapshots(list: Awaited<ReturnType<typeof repo.listSnapshots>>) {
  return {
    items: list.map((s) => ({
      id: s.id,
      region: { code: s.regionCode, name: s.regionName },
      period: s.period,
      closedAt: s.closedAt.toISOString(),
    })),
  };
}

/** Records a correction to a frozen figure: the snapshot is not changed, the correction is shown beside it. */
export async function correctSnapshot(
  db: Db,
  auth: AuthContext,
  snapshotId: string,
  input: TCorrectionRequest,
): Promise<TRanking> {
  requireAction(auth, 'assessment.manage');
  const snap = await repo.findSnapshotById(db, auth.scope, snapshotId);
  if (!snap) throw notFound('快照');
  const data = snap.data as TRanking;
  const row = data.rows.find((r) => r.region.code === input.regionCode);
  if (!row) {
    throw new AppError('VALIDATION', {
      fields: [{ field: 'body.regionCode', zh: '该地区不在此期排名中', en: 'This region is not in the ranking' }],
    });
  }
  return db.transaction(async (tx) => {
    const c = await repo.insertCorrection(tx, {
      snapshotId,
      regionCode: input.regionCode,
      indicator: input.indicator,
      previousValue: row.values[input.indicator] ?? null,
      correctedValue: input.correctedValue,
      reason: input.reason,
      correctedBy: auth.user.id,
    });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'snapshot.correct',
      entity: 'snapshot_correction',
      entityId: c.id,
      regionCode: snap.regionCode,
      before: { value: c.previousValue },
      after: { value: c.correctedValue, reason: c.reason, indicator: c.indicator, region: c.regionCode },
    });
    return frozenRanking(tx, snap);
  });
}

/** The public version of a closed period's ranking (portal): figures, ranks, corrections; no internal flags. */
export async function publicRanking(db: Db, regionCode: string, periodKey: string): Promise<TPublicRanking> {
  const snap = await repo.findSnapshot(db, regionCode, periodKey);
  if (!snap) throw notFound('已发布的排名');
  const r = await frozenRanking(db, snap);
  return toPublic(r);
}

export function toPublic(r: TRanking): TPublicRanking {
  return {
    region: r.region,
    period: r.period,
    closedAt: r.closedAt ?? r.computedAt,
    indicators: r.indicators,
    rows: r.rows.map((row) => ({
      region: row.region,
      values: row.values,
      completion: row.completion,
      score: row.score,
      rank: row.rank,
    })),
    corrections: r.corrections,
  };
}
