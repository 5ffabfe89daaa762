import { describe, expect, it } from 'vitest';
import { toProblem } from './problem';

describe('problems from database errors', () => {
  it('a deadlock that outlived the retries asks the user to try again, in both languages', () => {
    const deadlock = Object.assign(new Error('Failed query'), {
      cause: Object.assign(new Error('deadlock detected'), { code: '40P01' }),
    });
    const problem = toProblem(deadlock, 'en');
    expect(problem).toMatchObject({ status: 503, code: 'BUSY', title: 'The system is busy; try again' });
    expect(problem.i18n['zh-CN'].title).toBe('系统繁忙，请稍后重试');
  });

  it('any other database error stays an internal error without its text', () => {
    const problem = toProblem(Object.assign(new Error('relation "x" does not exist'), { code: '42P01' }), 'zh-CN');
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(JSON.stringify(problem)).not.toContain('relation');
  });
});

describe('problems from hostile input that got past validation', () => {
  const pgError = (code: string) =>
    Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('pg'), { code }) });

  it('an id that is not a uuid (22P02) is simply not found', () => {
    expect(toProblem(pgError('22P02'), 'en')).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it.each(['22021', '22008', '22007', '22003', '54000'])('a value PostgreSQL cannot store (%s) is a 400', (code) => {
    const problem = toProblem(pgError(code), 'zh-CN');
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION' });
    expect(problem.i18n.en.detail).toMatch(/cannot be stored/);
  });

  it('an id past the router limit is 414 in both languages', () => {
    const err = Object.assign(new Error('too long'), { code: 'FST_ERR_MAX_PARAM_LENGTH', statusCode: 414 });
    const problem = toProblem(err, 'en');
    expect(problem).toMatchObject({ status: 414, code: 'URI_TOO_LONG' });
    expect(problem.i18n['zh-CN'].title).toBe('请求地址或其中的参数过长');
  });

  it('any other 4xx of Fastify or a plugin keeps its class and becomes a problem', () => {
    const err = Object.assign(new Error('x'), { code: 'FST_FILES_LIMIT', statusCode: 413 });
    expect(toProblem(err, 'en')).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    const bad = Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_CONTENT_LENGTH', statusCode: 400 });
    expect(toProblem(bad, 'en')).toMatchObject({ status: 400, code: 'VALIDATION' });
  });
});
