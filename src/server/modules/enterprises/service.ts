import { validateCreditCode } from '../../../domain/credit-code';
import { type EnterpriseTag } from '../../../domain/enterprise-tags';
import { AppError, type FieldError } from '../../../domain/errors';
import { checkIndustry, industryTree, sectionOfDivision } from '../../../domain/industry';
import { foldName, nameCore, pinyinFull, pinyinInitials } from '../../../domain/names';
import type { Db } from '../../db/client';
import { can } from '../../../domain/permissions';
import type { AuthContext } from '../../lib/auth-context';
import { requireOwnedWrite } from '../../lib/scope';
import { recordAudit, recordAuditBatch } from '../audit/service';
import { presentEnterprise } from './presenter';
import * as repo from './repository';
import type {
  TCreateEnterpriseRequest,
  TEnterprise,
  TEnterpriseList,
  TEnterpriseListQuery,
  TIndustryTree,
  TUpdateEnterpriseRequest,
} from './schema';

const COUNTRY_NAMES_EN = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** Roles that enter business records keep enterprise records; viewers (and the administrators of security and audit) read. */
function requireEditor(auth: AuthContext): void {
  if (!can(auth.user.role, 'project.write')) {
    throw new AppError('FORBIDDEN', {
      detail: { zh: '查看人员不能修改企业信息', en: 'Viewers cannot change enterprise records' },
    });
  }
}

/** Search keys stored for an enterprise: initials and full pinyin of its core and of its name. */
export function pinyinKeys(name: string, core: string): string {
  const keys = [pinyinInitials(core), pinyinFull(core), pinyinInitials(name), pinyinFull(name)];
  return [...new Set(keys.filter(Boolean))].join(' ');
}

interface EnterpriseFacts {
  name: string;
  creditCode: string | null;
  registeredCapitalWan: string | null;
  hqCountry: string;
  hqRegionCode: string | null;
  industrySection: string | null;
  industryDivision: string | null;
  tags: EnterpriseTag[];
}

/**
 * Normalises and checks the facts of an enterprise, collecting every failing field: the name
 * folded, the credit code per GB 32100 (naming the failing position), the country, the HQ region
 * and the industry pair (a division must belong to its section; a lone division brings its section).
 */
async function checkFacts(db: Db, facts: EnterpriseFacts): Promise<EnterpriseFacts> {
  const errors: FieldError[] = [];
  const name = foldName(facts.name);
  if (!name) errors.push({ field: 'body.name', zh: '企业名称不能为空', en: 'The name is empty' });

  let creditCode: string | null = null;
  if (facts.creditCode && facts.creditCode.trim()) {
    const result = validateCreditCode(facts.creditCode);
    if (result.ok) creditCode = result.code;
    else {
      errors.push({
        field: 'body.creditCode',
        zh: `统一社会信用代码有误：${result.message.zh}`,
        en: `Invalid credit code: ${result.message.en}`,
      });
    }
  }

  const hqCountry = facts.hqCountry;
  if (hqCountry === 'ZZ' || !COUNTRY_NAMES_EN.of(hqCountry)) {
    errors.push({
      field: 'body.hqCountry',
      zh: `${hqCountry} 不是有效的 ISO 3166 国家代码`,
      en: `${hqCountry} is not an ISO 3166 country code`,
    });
  }
  if (hqCountry === 'CN' && !creditCode && !errors.some((e) => e.field === 'body.creditCode')) {
    errors.push({
      field: 'body.creditCode',
      zh: '境内企业须填写统一社会信用代码',
      en: 'A credit code is required for an enterprise registered in China',
    });
  }
  if (facts.hqRegionCode) {
    if (hqCountry !== 'CN') {
      errors.push({
        field: 'body.hqRegionCode',
        zh: '总部在境外的企业不填境内行政区',
        en: 'An enterprise headquartered abroad has no Chinese region',
      });
    } else if (!(await repo.regionExists(db, facts.hqRegionCode))) {
      // Where an investor has its headquarters is a fact about it, anywhere in China: not a scope.
      errors.push({
        field: 'body.hqRegionCode',
        zh: `行政区划代码 ${facts.hqRegionCode} 不存在`,
        en: `No region with code ${facts.hqRegionCode}`,
      });
    }
  }

  const industryProblem = checkIndustry(facts.industrySection, facts.industryDivision);
  if (industryProblem) {
    errors.push({ field: `body.${industryProblem.field}`, zh: industryProblem.zh, en: industryProblem.en });
  }
  const industrySection =
    facts.industrySection ??
    (facts.industryDivision ? (sectionOfDivision(facts.industryDivision)?.code ?? null) : null);

  if (errors.length) throw new AppError('VALIDATION', { fields: errors });
  return {
    ...facts,
    name,
    creditCode,
    hqRegionCode: hqCountry === 'CN' ? facts.hqRegionCode : null,
    industrySection,
    tags: [...new Set(facts.tags)],
  };
}

/** A credit code already on another record is a 409 saying only who registered it. */
async function refuseTakenCreditCode(db: Db, creditCode: string | null, ownId?: string): Promise<void> {
  if (!creditCode) return;
  const holder = await repo.findCreditCodeHolder(db, creditCode);
  if (!holder || holder.id === ownId) return;
  throw creditCodeTaken(`${holder.regionName} ${holder.unitName}`);
}

function creditCodeTaken(holder?: string): AppError {
  const zh = holder ? `该统一社会信用代码已由 ${holder} 登记` : '该统一社会信用代码已被登记';
  const en = holder ? `This credit code is already registered by ${holder}` : 'This credit code is already registered';
  return new AppError('CONFLICT', { detail: { zh, en }, fields: [{ field: 'body.creditCode', zh, en }] });
}

function toValues(facts: EnterpriseFacts) {
  const core = nameCore(facts.name);
  return { ...facts, nameCore: core, namePinyin: pinyinKeys(facts.name, core) };
}

/** Audit snapshot: the facts officers edit, not derived search keys. */
function auditView(e: TEnterprise) {
  return {
    name: e.name,
    creditCode: e.creditCode,
    registeredCapitalWan: e.registeredCapitalWan,
    hqCountry: e.hqCountry.code,
    hqRegionCode: e.hqRegion?.code ?? null,
    industrySection: e.industrySection?.code ?? null,
    industryDivision: e.industryDivision?.code ?? null,
    tags: e.tags,
    regionCode: e.region.code,
    version: e.version,
  };
}

async function loadPresented(db: Db, auth: AuthContext, id: string, lock = false): Promise<TEnterprise> {
  const row = await repo.findEnterprise(db, auth.scope, id, lock);
  if (!row) throw new AppError('NOT_FOUND');
  return presentEnterprise(row);
}

/** Registers an enterprise in the caller's region; the caller's unit maintains it. */
export async function createEnterprise(
  db: Db,
  auth: AuthContext,
  input: TCreateEnterpriseRequest,
): Promise<TEnterprise> {
  const [created] = await createEnterprises(db, auth, [input]);
  return created!;
}

/**
 * Registers enterprises in the caller's region, the one way enterprises are created (a ledger
 * import registers thousands at once): each input is checked in turn as for one (the first
 * refusal is thrown and nothing is written), the credit codes are looked up together, and the
 * rows and their audit rows go in with multi-row INSERTs in one transaction.
 */
export async function createEnterprises(
  db: Db,
  auth: AuthContext,
  inputs: TCreateEnterpriseRequest[],
): Promise<TEnterprise[]> {
  requireEditor(auth);
  const checked: EnterpriseFacts[] = [];
  for (const input of inputs) {
    checked.push(
      await checkFacts(db, {
        name: input.name,
        creditCode: input.creditCode ?? null,
        registeredCapitalWan: input.registeredCapitalWan ?? null,
        hqCountry: input.hqCountry,
        hqRegionCode: input.hqRegionCode ?? null,
        industrySection: input.industrySection ?? null,
        industryDivision: input.industryDivision ?? null,
        tags: input.tags,
      }),
    );
  }
  const codes = checked.map((f) => f.creditCode).filter((c): c is string => Boolean(c));
  if (new Set(codes).size !== codes.length) throw creditCodeTaken();
  const holder = await repo.findFirstCreditCodeHolder(db, codes);
  if (holder) throw creditCodeTaken(`${holder.regionName} ${holder.unitName}`);
  return db.transaction(async (tx) => {
    const ids = await repo.insertEnterprises(
      tx,
      checked.map((facts) => ({
        ...toValues(facts),
        regionCode: auth.user.regionCode,
        unitId: auth.user.unitId,
        createdBy: auth.user.id,
      })),
    );
    if (!ids) throw creditCodeTaken();
    const rows = new Map((await repo.findEnterprises(tx, auth.scope, ids)).map((row) => [row.id, row]));
    const created = ids.map((id) => {
      const row = rows.get(id);
      if (!row) throw new AppError('NOT_FOUND');
      return presentEnterprise(row);
    });
    await recordAuditBatch(
      tx,
      created.map((e) => ({
        actorId: auth.user.id,
        action: 'enterprise.created',
        entity: 'enterprise',
        entityId: e.id,
        regionCode: auth.user.regionCode,
        after: auditView(e),
      })),
    );
    return created;
  });
}

/** Which of `ids` the caller can see, by the rule of `getEnterprise`, in one query per chunk. */
export async function visibleEnterpriseIds(db: Db, auth: AuthContext, ids: string[]): Promise<Set<string>> {
  return new Set(await repo.findIdsInScope(db, auth.scope, ids));
}

export async function getEnterprise(db: Db, auth: AuthContext, id: string): Promise<TEnterprise> {
  return loadPresented(db, auth, id);
}

/**
 * Applies the fields given to an enterprise the caller can see, if `version` is still current:
 * a stale version is a 409 and nothing is written.
 */
export async function updateEnterprise(
  db: Db,
  auth: AuthContext,
  id: string,
  input: TUpdateEnterpriseRequest,
): Promise<TEnterprise> {
  requireEditor(auth);
  return db.transaction(async (tx) => {
    const current = await repo.findEnterprise(tx, auth.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    // A liaison keeps only the records its own unit maintains.
    requireOwnedWrite(auth, { ownerUnitIds: [current.unitId] });
    if (current.version !== input.version) throw staleVersion(current.version);
    const pick = <K extends keyof EnterpriseFacts>(key: K, fallback: EnterpriseFacts[K]): EnterpriseFacts[K] =>
      (input[key as keyof TUpdateEnterpriseRequest] === undefined
        ? fallback
        : input[key as keyof TUpdateEnterpriseRequest]) as EnterpriseFacts[K];
    const hqCountry = pick('hqCountry', current.hqCountry);
    const divisionChanged = input.industryDivision !== undefined && input.industrySection === undefined;
    const facts = await checkFacts(tx, {
      name: pick('name', current.name),
      creditCode: pick('creditCode', current.creditCode),
      registeredCapitalWan: pick('registeredCapitalWan', current.registeredCapitalWan),
      hqCountry,
      // Moving abroad drops the Chinese region unless a new one is given (and then refused).
      hqRegionCode: pick('hqRegionCode', hqCountry === 'CN' ? current.hqRegionCode : null),
      // A new division alone brings its own section.
      industrySection: divisionChanged ? null : pick('industrySection', current.industrySection),
      industryDivision: pick('industryDivision', current.industryDivision),
      tags: pick('tags', current.tags),
    });
    if (facts.creditCode !== current.creditCode) await refuseTakenCreditCode(tx, facts.creditCode, id);
    const before = presentEnterprise(current);
    const outcome = await repo.updateEnterprise(tx, id, input.version, toValues(facts));
    if (outcome === 'stale') throw staleVersion(current.version);
    if (outcome === 'duplicate_credit_code') throw creditCodeTaken();
    const after = await loadPresented(tx, auth, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'enterprise.updated',
      entity: 'enterprise',
      entityId: id,
      regionCode: current.regionCode,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

function staleVersion(currentVersion: number): AppError {
  return new AppError('VERSION_CONFLICT', {
    detail: {
      zh: `企业信息已被他人修改（当前版本 ${currentVersion}），请刷新后再改`,
      en: `Someone else changed this enterprise (now version ${currentVersion}); reload and edit again`,
    },
    fields: [{ field: 'body.version', zh: '版本已过期', en: 'The version is stale' }],
  });
}

/**
 * Lists the enterprises of the caller's scope. `q` is folded like stored names (Traditional
 * input finds Simplified names); latin input also searches the pinyin keys.
 */
export async function listEnterprises(
  db: Db,
  auth: AuthContext,
  query: TEnterpriseListQuery,
): Promise<TEnterpriseList> {
  const folded = query.q ? foldName(query.q) : '';
  const compact = folded.replace(/\s+/g, '').toLowerCase();
  const search = folded ? { text: folded, pinyinKey: /^[a-z]+[a-z0-9]*$/.test(compact) ? compact : null } : null;
  const { rows, total } = await repo.listEnterprises(db, auth.scope, query, search);
  return { items: rows.map(presentEnterprise), total, page: query.page, pageSize: query.pageSize };
}

/** The GB/T 4754-2017 tree for pickers. */
export function industries(): TIndustryTree {
  return {
    standard: 'GB/T 4754-2017',
    sections: industryTree().map((s) => ({
      code: s.code,
      zh: s.zh,
      en: s.en,
      divisions: s.divisions.map((d) => ({ code: d.code, zh: d.zh, en: d.en })),
    })),
  };
}
