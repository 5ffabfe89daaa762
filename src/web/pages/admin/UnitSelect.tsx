import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Page, Unit } from '../../api/types';
import { useT } from '../../i18n';

interface Props {
  value?: string;
  onChange?: (value: string) => void;
  /** The unit already chosen, so its name shows before any search. */
  current?: { id: string; name: string };
  id?: string;
}

/** Searches active units in the caller's scope by name. */
export function UnitSelect({ value, onChange, current, id }: Props) {
  const t = useT();
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: ['units', 'options', q],
    queryFn: () => api.get<Page<Unit>>('/api/units', { q, page: 1, pageSize: 50 }),
    placeholderData: (previous) => previous,
  });
  const options = (data?.items ?? [])
    .filter((u) => u.active)
    .map((u) => ({ value: u.id, label: `${u.name}（${u.regionName}）` }));
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: current.name });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={options}
      loading={isFetching}
      placeholder={t('users.unitPlaceholder')}
    />
  );
}
