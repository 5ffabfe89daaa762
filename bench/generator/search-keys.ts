import { nameCore, pinyinFull, pinyinInitials } from '../../src/domain/names';

/**
 * Name core and pinyin search keys for generated names, computed the way the enterprise and
 * project services compute them (src/domain/names.ts) but from the name's parts, each part's
 * pinyin cached: a name is 字号 + industry word + legal form, and half a million of them would
 * take a minute through whole-name pinyin.
 */
const initialsCache = new Map<string, string>();
const fullCache = new Map<string, string>();

function cached(cache: Map<string, string>, text: string, compute: (t: string) => string): string {
  let value = cache.get(text);
  if (value === undefined) {
    value = compute(text);
    cache.set(text, value);
  }
  return value;
}

interface Keys {
  initials: string;
  full: string;
}

function keysOfParts(parts: readonly string[]): Keys {
  let initials = '';
  let full = '';
  for (const part of parts) {
    initials += cached(initialsCache, part, pinyinInitials);
    full += cached(fullCache, part, pinyinFull);
  }
  return { initials, full };
}

/** The keys of `core` when it is a run of whole parts, else computed from the text itself. */
function keysOfCore(parts: readonly string[], core: string): Keys {
  for (let from = 0; from < parts.length; from++) {
    let text = '';
    for (let to = from; to < parts.length; to++) {
      text += parts[to];
      if (text === core) return keysOfParts(parts.slice(from, to + 1));
      if (text.length >= core.length) break;
    }
  }
  return keysOfParts([core]);
}

export interface NameKeys {
  name: string;
  nameCore: string;
  namePinyin: string;
}

/**
 * Name, core and pinyin keys of a name made of `parts`. `order` follows the owning service:
 * enterprises store the core's keys first, projects the name's.
 */
export function nameKeys(parts: readonly string[], order: 'core-first' | 'name-first'): NameKeys {
  const name = parts.join('');
  const core = nameCore(name);
  const n = keysOfParts(parts);
  const c = keysOfCore(parts, core);
  const keys =
    order === 'core-first' ? [c.initials, c.full, n.initials, n.full] : [n.initials, n.full, c.initials, c.full];
  return { name, nameCore: core, namePinyin: [...new Set(keys.filter(Boolean))].join(' ') };
}
