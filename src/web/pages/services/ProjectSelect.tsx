import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import type { ProjectRef } from './types';

interface Props {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  allowClear?: boolean;
  placeholder?: string;
}

/** Searches the projects the caller sees, by name, code or pinyin. */
export function ProjectSelect({ value, onChange, id, allowClear, placeholder }: Props) {
  const t = useT();
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: ['projects', 'options', q],
    queryFn: () => api.get<{ items: ProjectRef[] }>('/api/projects', { q, page: 1, pageSize: 30, sort: '-updatedAt' }),
    placeholderData: (previous) => previous,
  });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={isFetching}
      placeholder={placeholder ?? t('services.projectPlaceholder')}
      options={(data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }))}
      style={{ minWidth: 260 }}
    />
  );
}
