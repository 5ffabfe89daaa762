import type { FastifyError, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isConcurrencyFailure, sqlState } from '../db/errors';
import { AppError, ERROR_CODES, type Bilingual, type ErrorCode, type FieldError } from '../../domain/errors';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  /** Both languages, whatever language `title`/`detail` were given in. */
  i18n: { 'zh-CN': { title: string; detail: string }; en: { title: string; detail: string } };
  errors: Array<{ field: string; message: string; 'zh-CN': string; en: string }>;
  requestId?: string;
}

export type Lang = 'zh-CN' | 'en';

export function pickLang(acceptLanguage: string | undefined): Lang {
  return acceptLanguage && /^en\b/i.test(acceptLanguage.trim()) ? 'en' : 'zh-CN';
}

export function problemFrom(code: ErrorCode, lang: Lang, detail?: Bilingual, fields: FieldError[] = []): Problem {
  const base = ERROR_CODES[code];
  const fieldSummary: Bilingual | undefined = fields.length
    ? {
        zh: fields.map((f) => `${f.field}：${f.zh}`).join('；'),
        en: fields.map((f) => `${f.field}: ${f.en}`).join('; '),
      }
    : undefined;
  const d = detail ?? fieldSummary ?? { zh: base.zh, en: base.en };
  const zh = { title: base.zh, detail: d.zh };
  const en = { title: base.en, detail: d.en };
  const chosen = lang === 'en' ? en : zh;
  return {
    type: `urn:zhaoshang:problem:${code.toLowerCase()}`,
    title: chosen.title,
    status: base.status,
    detail: chosen.detail,
    code,
    i18n: { 'zh-CN': zh, en },
    errors: fields.map((f) => ({
      field: f.field,
      message: lang === 'en' ? f.en : f.zh,
      'zh-CN': f.zh,
      en: f.en,
    })),
  };
}

interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  format?: string;
  values?: unknown[];
  origin?: string;
}

/** Turns one zod issue into a field error in both languages. */
export function zodIssueToField(issue: ZodLikeIssue, prefix: string): FieldError {
  const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  const m = bilingualIssue(issue);
  return { field, ...m };
}

function bilingualIssue(i: ZodLikeIssue): Bilingual {
  // Messages written as "中文|English" by our own schemas carry both languages already.
  if (i.message.includes('|')) {
    const [zh = '', en = ''] = i.message.split('|');
    return { zh, en };
  }
  const isString = i.origin === 'string';
  switch (i.code) {
    case 'invalid_type':
      return i.message.includes('received undefined')
        ? { zh: '必填', en: 'Required' }
        : { zh: `类型应为 ${i.expected ?? ''}`, en: `Expected ${i.expected ?? 'another type'}` };
    case 'too_small':
      return isString
        ? { zh: `至少 ${String(i.minimum)} 个字符`, en: `At least ${String(i.minimum)} characters` }
        : { zh: `不能小于 ${String(i.minimum)}`, en: `Must be at least ${String(i.minimum)}` };
    case 'too_big':
      return isString
        ? { zh: `最多 ${String(i.maximum)} 个字符`, en: `At most ${String(i.maximum)} characters` }
        : { zh: `不能大于 ${String(i.maximum)}`, en: `Must be at most ${String(i.maximum)}` };
    case 'invalid_format':
      return { zh: `格式不正确（${i.format ?? ''}）`, en: `Invalid format (${i.format ?? ''})` };
    case 'invalid_value':
      return {
        zh: `取值应为：${(i.values ?? []).map(String).join('、')}`,
        en: `Must be one of: ${(i.values ?? []).map(String).join(', ')}`,
      };
    case 'unrecognized_keys':
      return { zh: `不认识的字段：${i.message}`, en: i.message };
    default:
      return { zh: `无效：${i.message}`, en: i.message };
  }
}

/** Maps any thrown error to a problem; unknown errors become a 500 without internals. */
export function toProblem(err: unknown, lang: Lang): Problem {
  if (err instanceof AppError) return problemFrom(err.code, lang, err.detail, err.fields);
  const fe = err as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const prefix = fe.validationContext ?? 'body';
    const fields = fe.validation.map((v) =>
      zodIssueToField(
        {
          ...(v.params as Omit<ZodLikeIssue, 'code' | 'path' | 'message'>),
          code: v.keyword,
          message: v.message ?? '',
          path: v.instancePath.split('/').filter(Boolean),
        },
        prefix,
      ),
    );
    return problemFrom('VALIDATION', lang, undefined, fields);
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problemFrom('PAYLOAD_TOO_LARGE', lang);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problemFrom('UNSUPPORTED_MEDIA_TYPE', lang);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problemFrom('VALIDATION', lang, { zh: '请求体不是有效的 JSON', en: 'The body is not valid JSON' });
  }
  if (fe.statusCode === 429) return problemFrom('RATE_LIMITED', lang);
  // Still aborted for a deadlock after the retries in db/client: nothing was written, so try again.
  if (isConcurrencyFailure(err)) return problemFrom('BUSY', lang);
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 && err instanceof SyntaxError) {
    return problemFrom('VALIDATION', lang, { zh: '请求体不是有效的 JSON', en: 'The body is not valid JSON' });
  }
  const framework = frameworkProblem(fe, lang);
  if (framework) return framework;
  return databaseInputProblem(err, lang) ?? problemFrom('INTERNAL', lang);
}

/** Any other refusal of Fastify or one of its plugins (router, body parser, multipart): its 4xx, as a problem. */
function frameworkProblem(fe: FastifyError, lang: Lang): Problem | undefined {
  if (fe.code === 'FST_ERR_MAX_PARAM_LENGTH' || fe.statusCode === 414) return problemFrom('URI_TOO_LONG', lang);
  if (fe.code === 'FST_ERR_BAD_URL') {
    return problemFrom('VALIDATION', lang, {
      zh: '请求地址含有无效的编码',
      en: 'The address holds an invalid encoding',
    });
  }
  if (!fe.statusCode || fe.statusCode < 400 || fe.statusCode >= 500) return undefined;
  if (fe.statusCode === 413) return problemFrom('PAYLOAD_TOO_LARGE', lang);
  if (fe.statusCode === 415 || fe.statusCode === 406) return problemFrom('UNSUPPORTED_MEDIA_TYPE', lang);
  if (fe.statusCode === 404) return problemFrom('NOT_FOUND', lang);
  return problemFrom('VALIDATION', lang, {
    zh: '请求的格式不正确',
    en: `The request is malformed${fe.code ? ` (${fe.code})` : ''}`,
  });
}

/**
 * A value PostgreSQL could not take although validation let it pass. An id that is not a uuid
 * (22P02) cannot name a record, so it is simply not found; any other data exception (class 22:
 * NUL in text, a date out of range, a number too large) or an oversized index row (54000) was
 * the caller's input, so 400 — never a 500. Schemas should refuse these first; this is the net.
 */
function databaseInputProblem(err: unknown, lang: Lang): Problem | undefined {
  const state = sqlState(err);
  if (!state) return undefined;
  if (state === '22P02') return problemFrom('NOT_FOUND', lang);
  if (state.startsWith('22') || state === '54000') {
    return problemFrom('VALIDATION', lang, {
      zh: '请求中有无法保存的值（格式、长度或范围不符）',
      en: 'The request holds a value that cannot be stored (format, length or range)',
    });
  }
  return undefined;
}

/** Sends `problem` as the answer: its status, `application/problem+json`, and the request id. */
export function sendProblem(reply: FastifyReply, problem: Problem, requestId: string): FastifyReply {
  return reply
    .code(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send(JSON.stringify({ ...problem, requestId }));
}

/**
 * The raw HTTP answer to a request Node refused before Fastify saw it (headers or URL past the
 * header limit, a malformed request line, a timeout): problem+json as well, in zh-CN (no header
 * was parsed to choose a language; `i18n` carries both).
 */
export function clientErrorResponse(err: { code?: string }): string {
  const code: ErrorCode =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? 'HEADERS_TOO_LARGE'
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'REQUEST_TIMEOUT'
        : 'VALIDATION';
  const problem = problemFrom(code, 'zh-CN');
  const body = JSON.stringify(problem);
  return (
    `HTTP/1.1 ${problem.status} ${code}\r\nConnection: close\r\n` +
    `Content-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
}
