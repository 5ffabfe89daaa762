import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useT } from '../../i18n';
import type { Enterprise } from './types';

interface Props {
  value?: string[];
  onChange?: (value: string[]) => void;
  /** Enterprises already chosen, so their names show before any search. */
  current?: { id: string; name: string }[];
  id?: string;
}

/** Picks investor enterprises by searching the library (Chinese name or pinyin initials). */
export function EnterpriseSelect({ value, onChange, current, id }: Props) {
  const t = useT();
  const [q, setQ] = useState('');
  const [known, setKnown] = useState<Record<string, string>>({});
  const { data, isFetching } = useQuery({
    queryKey: ['enterprises', 'options', q],
    queryFn: () => api.get<Page<Enterprise>>('/api/enterprises', { q, page: 1, pageSize: 20 }),
    placeholderData: (previous) => previous,
  });
  const options = (data?.items ?? []).map((e) => ({
    value: e.id,
    label: e.creditCode ? `${e.name}（${e.creditCode}）` : e.name,
  }));
  const names: Record<string, string> = { ...known };
  for (const e of current ?? []) names[e.id] = e.name;
  for (const id of value ?? []) {
    if (!options.some((o) => o.value === id)) options.push({ value: id, label: names[id] ?? id });
  }
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={(ids: string[]) => {
        const next = { ...known };
        for (const o of options) if (ids.includes(o.value)) next[o.value] = o.label;
        setKnown(next);
        onChange?.(ids);
      }}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={options}
      loading={isFetching}
      placeholder={t('enterprises.pickPlaceholder')}
      notFoundContent={t('enterprises.noneFound')}
    />
  );
}
