/** One failing field as the server names it, in both languages. */
export interface ProblemFieldError {
  field: string;
  message: string;
  'zh-CN': string;
  en: string;
}

/** An RFC 9457 problem+json body as the server sends it. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors: ProblemFieldError[];
  requestId?: string;
}

/** A refused or failed API call; `problem` holds the server's explanation. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get code(): string {
    return this.problem.code;
  }
}

// Module state: the API client lives outside React, and these two change rarely (sign-in, language switch).
let csrfToken = '';
let language = 'zh-CN';

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function setApiLanguage(lang: string): void {
  language = lang;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function parseProblem(res: Response): Promise<Problem> {
  const fallback: Problem = {
    title: res.statusText || `HTTP ${res.status}`,
    status: res.status,
    detail: res.statusText || `HTTP ${res.status}`,
    code: 'HTTP_' + res.status,
    errors: [],
  };
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return fallback;
  try {
    const body = (await res.json()) as Partial<Problem>;
    return { ...fallback, ...body, errors: Array.isArray(body.errors) ? body.errors : [] };
  } catch {
    return fallback;
  }
}

/**
 * Calls the API with the session cookie, the chosen language and, on mutations, the CSRF token.
 * Resolves to the JSON body (undefined for 204); rejects with {@link ApiError}.
 */
export async function request<T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}) {
  const headers: Record<string, string> = { 'accept-language': language, accept: 'application/json' };
  if (MUTATING.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (err) {
    throw new ApiError(0, {
      title: 'Network error',
      status: 0,
      detail: err instanceof Error ? err.message : String(err),
      code: 'NETWORK',
      errors: [],
    });
  }
  if (!res.ok) throw new ApiError(res.status, await parseProblem(res));
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
