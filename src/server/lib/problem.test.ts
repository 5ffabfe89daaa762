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
