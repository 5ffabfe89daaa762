import { ApiError, type Problem } from '../../api/client';

type Query = Record<string, string | number | boolean | undefined | null>;

/** A GET URL with the non-empty query values, as the API client builds them. */
export function urlWithQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Starts a browser download of a GET endpoint (the session cookie goes along). */
export function download(path: string, query: Query = {}): void {
  const a = document.createElement('a');
  a.href = urlWithQuery(path, query);
  a.rel = 'noopener';
  a.download = '';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * Sends one file as multipart field `file`. The JSON API client cannot send forms, so this is
 * the one multipart call; it rejects with {@link ApiError} like the client does.
 */
export async function uploadFile<T>(path: string, file: File, csrfToken: string, lang: string): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { 'x-csrf-token': csrfToken, 'accept-language': lang, accept: 'application/json' },
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
  const body: unknown = (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : undefined;
  if (!res.ok) {
    const problem = (body ?? {}) as Partial<Problem>;
    throw new ApiError(res.status, {
      title: problem.title ?? `HTTP ${res.status}`,
      status: res.status,
      detail: problem.detail ?? problem.title ?? `HTTP ${res.status}`,
      code: problem.code ?? `HTTP_${res.status}`,
      errors: Array.isArray(problem.errors) ? problem.errors : [],
    });
  }
  return body as T;
}
