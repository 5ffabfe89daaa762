import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useShowError } from '../../api/useApiError';
import { useSignedInUser } from '../../app/auth';
import { useLang } from '../../i18n';
import { useCatalogs, useChainMutation } from './hooks';
import type { Bilingual } from './types';

interface Entry {
  code: string;
  name: Bilingual;
  source: string;
  catalogId: string;
  groupName: Bilingual;
}
interface Classification {
  applicableCatalogs: string[];
  suggested: Entry[];
  assigned: Entry[];
}

/**
 * Where a project or enterprise sits in the guidance catalogs of its region: the entries its
 * industry suggests, and the ones an officer confirmed. Mount it on a project or enterprise page.
 */
export function CatalogClassification({
  entityType,
  entityId,
}: {
  entityType: 'project' | 'enterprise';
  entityId: string;
}) {
  const { t, lang } = useLang();
  const me = useSignedInUser();
  const showError = useShowError();
  const pick = (b: Bilingual) => (lang === 'en' ? b.en : b.zh);
  const key = ['chains', 'classification', entityType, entityId];
  const { data } = useQuery({
    queryKey: key,
    queryFn: () => api.get<Classification>('/api/catalogs/classifications', { entityType, entityId }),
  });
  const catalogs = useCatalogs();
  const [editing, setEditing] = useState<string[] | null>(null);
  const save = useChainMutation((entryCodes: string[]) =>
    api.put<Classification>('/api/catalogs/classifications', { entityType, entityId, entryCodes }),
  );
  if (!data) return null;
  const options = (catalogs.data ?? [])
    .filter((c) => data.applicableCatalogs.includes(c.id))
    .flatMap((c) =>
      c.groups.map((g) => ({
        label: `${pick(c.name)} · ${pick(g.name)}`,
        options: g.entries.map((e) => ({ value: e.code, label: `${pick(e.name)}（${e.source}）` })),
      })),
    );
  const canEdit = ['officer', 'leader', 'admin'].includes(me.role);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>{t('chains.classify.title')}</Typography.Text>
      {editing ? (
        <Space.Compact style={{ width: '100%' }}>
          <Select mode="multiple" style={{ width: '100%' }} value={editing} onChange={setEditing} options={options} />
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => save.mutate(editing, { onError: showError, onSuccess: () => setEditing(null) })}
          >
            {t('common.save')}
          </Button>
        </Space.Compact>
      ) : (
        <Space wrap>
          {data.assigned.length
            ? data.assigned.map((e) => (
                <Tag color="blue" key={e.code}>
                  {pick(e.name)}
                </Tag>
              ))
            : t('chains.classify.none')}
          {canEdit && (
            <Button size="small" onClick={() => setEditing(data.assigned.map((e) => e.code))}>
              {t('common.edit')}
            </Button>
          )}
        </Space>
      )}
      {data.suggested.length > 0 && (
        <Typography.Text type="secondary">
          {t('chains.classify.suggested')}
          {data.suggested.map((e) => pick(e.name)).join('、')}
        </Typography.Text>
      )}
    </Space>
  );
}
