import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyTransition,
  checkTransition,
  DATABASE_KEYS,
  DATABASE_LABELS,
  DATABASES,
  databaseOf,
  directionOf,
  isActive,
  isCalendarDate,
  nextStages,
  type ProjectStageState,
  type Stage,
  STAGE_LABELS,
  STAGES,
  TERMINATION_REASON_LABELS,
  TERMINATION_REASONS,
  type TransitionDirection,
  type TransitionInput,
} from './lifecycle';

const TODAY = '2025-08-15';

const SIGNING: TransitionInput = {
  signingDate: '2025-06-01',
  contractAmountWan: '50000',
  parties: ['辽源市人民政府', '吉林某新材料有限公司'],
  agreementFileId: 'file-1',
};

/** A project that passed every gate up to `stage`, with ordered dates. */
function projectAt(stage: Stage): ProjectStageState {
  const order = STAGES.indexOf(stage);
  const p: ProjectStageState = { stage };
  if (order >= STAGES.indexOf('signed')) Object.assign(p, SIGNING);
  if (order >= STAGES.indexOf('registered')) p.registeredDate = '2025-06-10';
  if (order >= STAGES.indexOf('started')) p.startDate = '2025-07-01';
  if (order >= STAGES.indexOf('producing')) p.productionDate = '2025-08-01';
  if (order >= STAGES.indexOf('achieved')) p.achievedDate = '2025-08-10';
  return p;
}

describe('stages and databases', () => {
  it('orders the stages along the pipeline and labels each in both languages', () => {
    expect(STAGES).toEqual([
      'planned',
      'negotiating',
      'intent',
      'signed',
      'registered',
      'started',
      'producing',
      'achieved',
      'terminated',
    ]);
    expect(STAGE_LABELS.registered).toEqual({ zh: '注册/备案', en: 'Registered' });
    for (const s of STAGES) {
      expect(STAGE_LABELS[s].zh).not.toBe('');
      expect(STAGE_LABELS[s].en).not.toBe('');
    }
  });

  it('the five databases cover every stage but terminated exactly once', () => {
    expect(DATABASE_KEYS).toEqual(['planned', 'negotiating', 'intent', 'signed', 'landed']);
    expect(DATABASE_KEYS.map((k) => DATABASE_LABELS[k].zh)).toEqual(['谋划库', '洽谈库', '意向库', '签约库', '落地库']);
    const covered = DATABASE_KEYS.flatMap((k) => [...DATABASES[k]]);
    expect([...covered].sort()).toEqual(STAGES.filter((s) => s !== 'terminated').sort());
    expect(databaseOf('started')).toBe('landed');
    expect(databaseOf('intent')).toBe('intent');
    expect(databaseOf('terminated')).toBeNull();
  });

  it('active means neither achieved nor terminated', () => {
    expect(STAGES.filter(isActive)).toEqual([
      'planned',
      'negotiating',
      'intent',
      'signed',
      'registered',
      'started',
      'producing',
    ]);
  });

  it('has eight termination reasons, labelled in both languages', () => {
    expect(TERMINATION_REASONS).toHaveLength(8);
    expect(TERMINATION_REASON_LABELS.investor_withdrew.zh).toBe('投资方撤回');
    expect(TERMINATION_REASON_LABELS.other).toEqual({ zh: '其他', en: 'Other' });
  });

  it('recognises only real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(isCalendarDate(20250101)).toBe(false);
  });
});

describe('which moves the machine allows', () => {
  // Rows: from; columns: to, in STAGES order. F forward, B backward, T terminate, . forbidden.
  const MATRIX: Record<Exclude<Stage, 'terminated'>, string> = {
    planned: '.FFF....T',
    negotiating: 'B.FF....T',
    intent: 'BB.F....T',
    signed: 'BBB.F...T',
    registered: 'BBBB.F..T',
    started: 'BBBBB.F.T',
    producing: 'BBBBBB.FT',
    achieved: 'BBBBBBB..',
  };
  const CODE: Record<string, TransitionDirection | null> = { F: 'forward', B: 'backward', T: 'terminate', '.': null };

  it.each(Object.entries(MATRIX))('from %s: %s', (from, row) => {
    STAGES.forEach((to, i) => expect(directionOf(from as Stage, to), `${from} → ${to}`).toBe(CODE[row[i]!]));
  });

  it('a terminated project can only be reopened at the stage it left', () => {
    const terminated: ProjectStageState = { stage: 'terminated', terminatedFrom: 'intent' };
    expect(nextStages(terminated)).toEqual([{ stage: 'intent', direction: 'reopen' }]);
    expect(nextStages('terminated')).toEqual([]);
    expect(nextStages({ stage: 'terminated', terminatedFrom: null })).toEqual([]);
  });

  it('offers the UI the reachable stages with their direction', () => {
    expect(nextStages('negotiating')).toEqual([
      { stage: 'planned', direction: 'backward' },
      { stage: 'intent', direction: 'forward' },
      { stage: 'signed', direction: 'forward' },
      { stage: 'terminated', direction: 'terminate' },
    ]);
  });

  it('refuses a jump into the landed stages, naming the next step', () => {
    const r = checkTransition(projectAt('signed'), 'started', { startDate: '2025-07-01' }, TODAY);
    expect(r).toMatchObject({ ok: false, kind: 'forbidden' });
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.field).toBe('to');
    expect(r.errors[0]!.zh).toContain('注册/备案');
    expect(r.errors[0]!.en).toContain('Registered');
    expect(checkTransition(projectAt('intent'), 'registered', { registeredDate: '2025-07-01' }, TODAY).ok).toBe(false);
  });

  it('refuses terminating an achieved project and moving to the same stage', () => {
    const r = checkTransition(projectAt('achieved'), 'terminated', { terminationReason: 'stalled' }, TODAY);
    expect(r).toMatchObject({ ok: false, kind: 'forbidden' });
    if (!r.ok) expect(r.errors[0]!.en).toContain('achieved project cannot be terminated');
    const same = checkTransition(projectAt('intent'), 'intent', {}, TODAY);
    expect(same).toMatchObject({ ok: false, kind: 'forbidden' });
    if (!same.ok) expect(same.errors[0]!.zh).toContain('已处于');
  });

  it('refuses an unknown target stage', () => {
    const r = checkTransition(projectAt('intent'), 'landed' as Stage, {}, TODAY);
    expect(r).toMatchObject({ ok: false, kind: 'forbidden', errors: [{ field: 'to' }] });
  });

  it('needs a real today', () => {
    expect(() => checkTransition(projectAt('intent'), 'negotiating', { reason: 'x' }, '2025-8-1')).toThrow(RangeError);
  });
});

describe('stage gates', () => {
  it('signing names every missing field, in both languages', () => {
    const r = checkTransition({ stage: 'negotiating' }, 'signed', {}, TODAY);
    expect(r).toMatchObject({ ok: false, kind: 'gate' });
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['signingDate', 'contractAmountWan', 'parties', 'agreementFileId']);
    expect(r.errors[0]).toEqual({ field: 'signingDate', zh: '请填写签约日期', en: 'the signing date is required' });
    for (const e of r.errors) expect(e.zh && e.en).toBeTruthy();
  });

  it('signing: negotiating → signed directly, writing normalised fields', () => {
    const r = checkTransition(
      { stage: 'negotiating' },
      'signed',
      { ...SIGNING, contractAmountWan: '1,234.50', parties: [' 甲方 ', '乙方'] },
      TODAY,
    );
    expect(r).toEqual({
      ok: true,
      from: 'negotiating',
      to: 'signed',
      direction: 'forward',
      changes: {
        stage: 'signed',
        signingDate: '2025-06-01',
        contractAmountWan: '1234.5',
        parties: ['甲方', '乙方'],
        agreementFileId: 'file-1',
      },
    });
  });

  it.each([
    [{ signingDate: '2025-08-16' }, 'signingDate', 'cannot be after today'],
    [{ signingDate: '2025-02-30' }, 'signingDate', 'must be a date'],
    [{ contractAmountWan: '0' }, 'contractAmountWan', 'more than 0'],
    [{ contractAmountWan: '0.00' }, 'contractAmountWan', 'more than 0'],
    [{ contractAmountWan: '-5' }, 'contractAmountWan', 'negative'],
    [{ contractAmountWan: '5亿' }, 'contractAmountWan', 'not a valid amount'],
    [{ parties: [] }, 'parties', 'required'],
    [{ parties: ['甲方', '  '] }, 'parties', 'every party needs a name'],
    [{ agreementFileId: ' ' }, 'agreementFileId', 'required'],
  ] as const)('signing refuses %j', (override, field, message) => {
    const r = checkTransition({ stage: 'intent' }, 'signed', { ...SIGNING, ...override }, TODAY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.field).toBe(field);
    expect(r.errors[0]!.en).toContain(message);
  });

  it('accepts a signing dated today', () => {
    expect(checkTransition({ stage: 'intent' }, 'signed', { ...SIGNING, signingDate: TODAY }, TODAY).ok).toBe(true);
  });

  it('takes gate fields already on the project when the input leaves them out', () => {
    const back: ProjectStageState = { ...projectAt('signed'), stage: 'intent' };
    const r = checkTransition(back, 'signed', {}, TODAY);
    expect(r.ok).toBe(true);
    // …and the input wins over the stored value.
    const r2 = checkTransition(back, 'signed', { signingDate: '2025-07-01' }, TODAY);
    expect(r2.ok && r2.changes.signingDate).toBe('2025-07-01');
  });

  it('registration needs a date not before signing', () => {
    const p = projectAt('signed');
    expect(checkTransition(p, 'registered', {}, TODAY)).toMatchObject({
      ok: false,
      errors: [{ field: 'registeredDate', zh: '请填写注册/备案日期' }],
    });
    const early = checkTransition(p, 'registered', { registeredDate: '2025-05-31' }, TODAY);
    expect(early).toMatchObject({ ok: false, errors: [{ field: 'registeredDate' }] });
    if (!early.ok)
      expect(early.errors[0]!.en).toBe('the registration date cannot be before the signing date (2025-06-01)');
    expect(checkTransition(p, 'registered', { registeredDate: '2025-06-01' }, TODAY)).toMatchObject({
      ok: true,
      changes: { stage: 'registered', registeredDate: '2025-06-01' },
    });
  });

  it('construction start is not before signing nor registration', () => {
    const p = projectAt('registered');
    const beforeSigning = checkTransition(p, 'started', { startDate: '2025-05-01' }, TODAY);
    expect(beforeSigning.ok || beforeSigning.errors[0]!.zh).toBe('开工日期不能早于签约日期（2025-06-01）');
    const beforeRegistration = checkTransition(p, 'started', { startDate: '2025-06-05' }, TODAY);
    expect(beforeRegistration.ok || beforeRegistration.errors[0]!.en).toContain('registration date (2025-06-10)');
    expect(checkTransition(p, 'started', { startDate: '2025-06-10' }, TODAY).ok).toBe(true);
    expect(checkTransition(p, 'started', { startDate: '2025-08-16' }, TODAY).ok).toBe(false);
  });

  it('compares with the recorded earlier dates, not with ones slipped into the request', () => {
    const r = checkTransition(
      projectAt('registered'),
      'started',
      { startDate: '2025-06-05', signingDate: '2025-01-01', registeredDate: '2025-01-01' },
      TODAY,
    );
    expect(r).toMatchObject({ ok: false, errors: [{ field: 'startDate' }] });
  });

  it('production is not before the start, achievement not before production', () => {
    const started = projectAt('started');
    expect(checkTransition(started, 'producing', { productionDate: '2025-06-30' }, TODAY)).toMatchObject({
      ok: false,
      errors: [{ field: 'productionDate' }],
    });
    expect(checkTransition(started, 'producing', { productionDate: '2025-07-01' }, TODAY).ok).toBe(true);
    const producing = projectAt('producing');
    expect(checkTransition(producing, 'achieved', {}, TODAY)).toMatchObject({
      ok: false,
      errors: [{ field: 'achievedDate' }],
    });
    expect(checkTransition(producing, 'achieved', { achievedDate: '2025-07-31' }, TODAY).ok).toBe(false);
    expect(checkTransition(producing, 'achieved', { achievedDate: '2025-08-01' }, TODAY)).toMatchObject({
      ok: true,
      changes: { stage: 'achieved', achievedDate: '2025-08-01' },
    });
  });

  it('pre-signing forward moves need nothing', () => {
    expect(checkTransition({ stage: 'planned' }, 'negotiating', {}, TODAY)).toEqual({
      ok: true,
      from: 'planned',
      to: 'negotiating',
      direction: 'forward',
      changes: { stage: 'negotiating' },
    });
  });

  it('a backward move needs a reason', () => {
    const p = projectAt('started');
    for (const reason of [undefined, '', '   ']) {
      expect(checkTransition(p, 'signed', { reason }, TODAY)).toMatchObject({
        ok: false,
        kind: 'gate',
        errors: [{ field: 'reason', zh: '退回到“签约”须说明原因' }],
      });
    }
    expect(checkTransition(p, 'negotiating', { reason: '投资方要求重新谈判' }, TODAY)).toMatchObject({
      ok: true,
      direction: 'backward',
      changes: { stage: 'negotiating' },
    });
  });

  it('termination needs a listed reason, and a text for "other"', () => {
    const p = projectAt('intent');
    expect(checkTransition(p, 'terminated', {}, TODAY)).toMatchObject({
      ok: false,
      errors: [{ field: 'terminationReason', zh: '请填写终止原因' }],
    });
    expect(checkTransition(p, 'terminated', { terminationReason: 'bored' }, TODAY)).toMatchObject({
      ok: false,
      errors: [{ field: 'terminationReason' }],
    });
    expect(checkTransition(p, 'terminated', { terminationReason: 'other' }, TODAY)).toMatchObject({
      ok: false,
      errors: [{ field: 'reasonText' }],
    });
    expect(checkTransition(p, 'terminated', { terminationReason: 'other', reasonText: ' 企业破产 ' }, TODAY)).toEqual({
      ok: true,
      from: 'intent',
      to: 'terminated',
      direction: 'terminate',
      changes: {
        stage: 'terminated',
        terminationReason: 'other',
        terminationText: '企业破产',
        terminatedFrom: 'intent',
      },
    });
    expect(
      checkTransition(projectAt('producing'), 'terminated', { terminationReason: 'market_change' }, TODAY),
    ).toMatchObject({
      ok: true,
      changes: { terminatedFrom: 'producing', terminationText: null },
    });
  });

  it('reopening returns to the stage left, with a reason, and clears the termination', () => {
    const terminated: ProjectStageState = {
      ...projectAt('started'),
      stage: 'terminated',
      terminatedFrom: 'started',
      terminationReason: 'stalled',
    };
    expect(checkTransition(terminated, 'started', {}, TODAY)).toMatchObject({
      ok: false,
      kind: 'gate',
      errors: [{ field: 'reason', en: 'reopening a project needs a reason' }],
    });
    const wrong = checkTransition(terminated, 'negotiating', { reason: '恢复' }, TODAY);
    expect(wrong).toMatchObject({ ok: false, kind: 'forbidden' });
    if (!wrong.ok) expect(wrong.errors[0]!.zh).toContain('只能恢复到终止前的“开工”阶段');
    const r = applyTransition(terminated, 'started', { reason: '企业恢复投资' }, TODAY);
    expect(r.ok && r.project).toMatchObject({
      stage: 'started',
      terminatedFrom: null,
      terminationReason: null,
      startDate: '2025-07-01',
    });
  });

  it('applyTransition does not change the project it is given', () => {
    const p = Object.freeze(projectAt('signed'));
    const r = applyTransition(p, 'registered', { registeredDate: '2025-06-20' }, TODAY);
    expect(r.ok && r.project.stage).toBe('registered');
    expect(p.stage).toBe('signed');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: random sequences of attempted transitions with random inputs.

const DAY = 86_400_000;
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const ORDER = (s: Stage) => STAGES.indexOf(s);

/** A date field: absent, garbage, or days around today (mostly recent, sometimes far back or in the future). */
const arbDateOffset = fc.oneof(
  { weight: 1, arbitrary: fc.constant<null>(null) },
  { weight: 1, arbitrary: fc.constantFrom('garbage', '2025-02-30') },
  { weight: 2, arbitrary: fc.integer({ min: -300, max: 5 }) },
  { weight: 8, arbitrary: fc.integer({ min: -10, max: 0 }) },
);

/** Mostly valid values, so that runs get deep into the landed stages. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: invalid });

const arbAttempt = fc.record({
  // 'next' is the stage one step forward from wherever the run is; otherwise any stage at all.
  to: fc.oneof(
    { weight: 3, arbitrary: fc.constant<'next'>('next') },
    { weight: 2, arbitrary: fc.constantFrom(...STAGES) },
  ),
  advanceDays: fc.integer({ min: 0, max: 40 }),
  reason: mostly(fc.constant('客户要求'), fc.constantFrom(undefined, '', '  ')),
  signingDate: arbDateOffset,
  contractAmountWan: mostly(fc.constantFrom('1', '50,000.25'), fc.constantFrom(undefined, '0', '-1', 'abc')),
  parties: mostly(fc.constantFrom(['甲方'], ['甲方', '乙方']), fc.constantFrom(undefined, [], [''])),
  agreementFileId: mostly(fc.constant('f1'), fc.constantFrom(undefined, '')),
  registeredDate: arbDateOffset,
  startDate: arbDateOffset,
  productionDate: arbDateOffset,
  achievedDate: arbDateOffset,
  terminationReason: fc.constantFrom(undefined, 'nonsense', ...TERMINATION_REASONS),
  reasonText: mostly(fc.constant('说明'), fc.constantFrom(undefined, '')),
});

type Attempt = typeof arbAttempt extends fc.Arbitrary<infer A> ? A : never;

function inputFor(a: Attempt, today: string): TransitionInput {
  const date = (d: number | string | null) => (typeof d === 'number' ? shift(today, d) : d);
  return {
    reason: a.reason,
    signingDate: date(a.signingDate),
    contractAmountWan: a.contractAmountWan,
    parties: a.parties,
    agreementFileId: a.agreementFileId,
    registeredDate: date(a.registeredDate),
    startDate: date(a.startDate),
    productionDate: date(a.productionDate),
    achievedDate: date(a.achievedDate),
    terminationReason: a.terminationReason,
    reasonText: a.reasonText,
  };
}

interface Step {
  from: Stage;
  to: Stage;
  direction: TransitionDirection;
  on: string;
}

function run(start: Stage, attempts: Attempt[]) {
  let project: ProjectStageState = { stage: start };
  let today = '2024-01-01';
  const history: Step[] = [];
  const states: { project: ProjectStageState; today: string }[] = [{ project, today }];
  for (const a of attempts) {
    today = shift(today, a.advanceDays);
    const before = project;
    const to = a.to === 'next' ? (STAGES[ORDER(project.stage) + 1] ?? project.terminatedFrom ?? 'planned') : a.to;
    const r = applyTransition(project, to, inputFor(a, today), today);
    if (r.ok) {
      project = r.project;
      history.push({ from: before.stage, to: project.stage, direction: r.result.direction, on: today });
      states.push({ project, today });
    } else {
      expect(r.errors.length).toBeGreaterThan(0);
      for (const e of r.errors) expect(e.field && e.zh && e.en).toBeTruthy();
    }
  }
  return { project, history, states };
}

const arbRun = fc.record({
  start: fc.constantFrom<Stage>('planned', 'negotiating'),
  attempts: fc.array(arbAttempt, { minLength: 1, maxLength: 60 }),
});

describe('the random runs', () => {
  it('get everywhere: every stage and every direction is reached', () => {
    const stages = new Set<Stage>();
    const directions = new Set<TransitionDirection>();
    fc.assert(
      fc.property(arbRun, ({ start, attempts }) => {
        for (const step of run(start, attempts).history) {
          stages.add(step.to);
          directions.add(step.direction);
        }
      }),
      { numRuns: 400, seed: 7 },
    );
    expect([...stages].sort()).toEqual([...STAGES].sort());
    expect([...directions].sort()).toEqual(['backward', 'forward', 'reopen', 'terminate']);
  });
});

describe('stage machine properties', () => {
  it('never makes a move the rules forbid', () => {
    fc.assert(
      fc.property(arbRun, ({ start, attempts }) => {
        const { history, states } = run(start, attempts);
        history.forEach((step, i) => {
          const before = states[i]!.project;
          if (before.stage === 'terminated') {
            expect(step.direction).toBe('reopen');
            expect(step.to).toBe(before.terminatedFrom);
          } else if (step.to === 'terminated') {
            expect(before.stage).not.toBe('achieved');
          } else if (ORDER(step.to) > ORDER(before.stage)) {
            // Forward: free within planned…signed, one step at a time after.
            if (ORDER(step.to) > ORDER('signed')) expect(ORDER(step.to)).toBe(ORDER(before.stage) + 1);
          } else {
            expect(step.direction).toBe('backward');
          }
        });
      }),
      { numRuns: 400 },
    );
  });

  it('every landed project passed its gates, with dates in order and none in the future', () => {
    fc.assert(
      fc.property(arbRun, ({ start, attempts }) => {
        const { states } = run(start, attempts);
        for (const { project: p, today } of states) {
          const effective = p.stage === 'terminated' ? p.terminatedFrom! : p.stage;
          const o = ORDER(effective);
          if (o >= ORDER('signed')) {
            // A stage at or after signed was entered forward through signed at some point, so the gate fields exist.
            expect(isCalendarDate(p.signingDate)).toBe(true);
            expect(p.parties?.length).toBeGreaterThan(0);
            expect(p.agreementFileId).toBeTruthy();
            expect(Number(p.contractAmountWan)).toBeGreaterThan(0);
          }
          const chain: (keyof ProjectStageState)[] = [
            'signingDate',
            'registeredDate',
            'startDate',
            'productionDate',
            'achievedDate',
          ];
          const landed = ['signed', 'registered', 'started', 'producing', 'achieved'] as const;
          const reached = landed.slice(0, Math.max(0, o - ORDER('signed') + 1));
          const dates = reached.map((_, i) => p[chain[i]!] as string);
          for (const d of dates) {
            expect(isCalendarDate(d)).toBe(true);
            expect(d <= today).toBe(true);
          }
          for (let i = 1; i < dates.length; i++) expect(dates[i]! >= dates[i - 1]!).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reaches started only through signed and registered, in that order', () => {
    fc.assert(
      fc.property(arbRun, ({ start, attempts }) => {
        const { history } = run(start, attempts);
        history.forEach((step, i) => {
          if (step.direction !== 'forward' || ORDER(step.to) <= ORDER('signed')) return;
          // The landed stage entered forward came straight from the one before it.
          expect(step.from).toBe(STAGES[ORDER(step.to) - 1]);
          if (step.to === 'started') {
            const lastSigned = history.slice(0, i).findLastIndex((s) => s.to === 'signed');
            const lastRegistered = history.slice(0, i).findLastIndex((s) => s.to === 'registered');
            expect(lastSigned).toBeGreaterThanOrEqual(0);
            expect(lastRegistered).toBeGreaterThan(lastSigned);
          }
        });
      }),
      { numRuns: 400 },
    );
  });

  it('the history of accepted moves is a chain: each from is the previous to', () => {
    fc.assert(
      fc.property(arbRun, ({ start, attempts }) => {
        const { project, history } = run(start, attempts);
        let at: Stage = start;
        for (const step of history) {
          expect(step.from).toBe(at);
          expect(step.to).not.toBe(step.from);
          at = step.to;
        }
        expect(project.stage).toBe(at);
      }),
      { numRuns: 400 },
    );
  });

  it('a terminated project remembers where it left, and leaves only back there', () => {
    fc.assert(
      fc.property(arbRun, ({ start, attempts }) => {
        const { history } = run(start, attempts);
        history.forEach((step, i) => {
          if (step.to === 'terminated') {
            const next = history[i + 1];
            if (next) expect(next).toMatchObject({ from: 'terminated', to: step.from, direction: 'reopen' });
          }
        });
      }),
      { numRuns: 400 },
    );
  });
});
