import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import type { Bilingual } from './errors';

/** The floor no security policy may go below (等保 2.0 身份鉴别: complexity and length). */
export const MIN_PASSWORD_LENGTH = 12;
/** How many earlier passwords a new one may not repeat, at the least. */
export const MIN_PASSWORD_HISTORY = 5;
/** zxcvbn's score runs 0–4; 3 means "safely unguessable: moderate protection from offline attacks". */
export const MIN_PASSWORD_SCORE = 3;
export const MAX_PASSWORD_LENGTH = 128;

// The dictionaries are large: built once per process, on first use.
let estimator: ZxcvbnFactory | undefined;
function strength(password: string, userInputs: string[]): number {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  // zxcvbn's cost grows with length; past 64 characters nothing is left to guess.
  return estimator.check(password.slice(0, 64), userInputs).score;
}

export interface PasswordContext {
  /** The account's username: a password may not contain it. */
  username: string;
  /** Other words the user is known by (display name): count as guessable. */
  otherInputs?: string[];
  /** The policy's minimum length; never below {@link MIN_PASSWORD_LENGTH}. */
  minLength?: number;
}

/**
 * Why a password may not be used, in both languages; empty when it may. Checks length, that it
 * does not contain the username, and zxcvbn's guessability score (common passwords, keyboard
 * walks, dates, repeats, the user's own names). Reuse of earlier passwords needs their hashes and
 * is checked by the caller.
 */
export function passwordProblems(password: string, context: PasswordContext): Bilingual[] {
  const minLength = Math.max(MIN_PASSWORD_LENGTH, context.minLength ?? MIN_PASSWORD_LENGTH);
  const problems: Bilingual[] = [];
  if ([...password].length < minLength) {
    problems.push({
      zh: `密码至少需要 ${minLength} 个字符`,
      en: `The password needs at least ${minLength} characters`,
    });
  }
  if ([...password].length > MAX_PASSWORD_LENGTH) {
    problems.push({
      zh: `密码不能超过 ${MAX_PASSWORD_LENGTH} 个字符`,
      en: `The password may have at most ${MAX_PASSWORD_LENGTH} characters`,
    });
    return problems;
  }
  const username = context.username.trim().toLowerCase();
  if (username.length >= 3 && password.toLowerCase().includes(username)) {
    problems.push({ zh: '密码不能包含用户名', en: 'The password may not contain the username' });
  }
  if (problems.length === 0) {
    const inputs = [username, ...(context.otherInputs ?? [])].filter((s) => s.length > 0);
    if (strength(password, inputs) < MIN_PASSWORD_SCORE) {
      problems.push({
        zh: '密码太常见或太容易被猜中，请使用更长、更不规则的密码',
        en: 'The password is too common or too easy to guess; use a longer, less predictable one',
      });
    }
  }
  return problems;
}

/** The reason given when a new password repeats one of the last `count`. */
export function reusedPasswordProblem(count: number): Bilingual {
  return { zh: `不能使用最近 ${count} 次用过的密码`, en: `The password may not be one of your last ${count}` };
}
