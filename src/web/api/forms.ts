import type { FormInstance } from 'antd';
import { ApiError } from './client';

/** 'body.name' → 'name', 'body.contact.phone' → ['contact', 'phone']: the antd Form name path. */
export function formFieldPath(field: string): string | string[] {
  const parts = field.split('.').filter(Boolean);
  if (parts[0] === 'body' || parts[0] === 'query' || parts[0] === 'params') parts.shift();
  return parts.length === 1 ? parts[0]! : parts;
}

/**
 * Puts the server's field errors onto the form fields they name. Returns true when at least one
 * error landed on a field the form shows, so the caller knows whether a general message is needed.
 */
export function applyFieldErrors(form: FormInstance, err: unknown, lang: 'zh-CN' | 'en'): boolean {
  if (!(err instanceof ApiError) || err.problem.errors.length === 0) return false;
  // Registered fields (even empty ones) plus any values held in the store.
  const known = new Set([
    ...Object.keys(form.getFieldsValue() as Record<string, unknown>),
    ...Object.keys(form.getFieldsValue(true) as Record<string, unknown>),
  ]);
  const fields = err.problem.errors
    .map((e) => ({ name: formFieldPath(e.field), errors: [e[lang] || e.message] }))
    .filter((f) => known.has(Array.isArray(f.name) ? f.name[0]! : f.name));
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}
