import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Segmented,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  TreeSelect,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { applyFieldErrors } from '../../api/forms';
import { useShowError } from '../../api/useApiError';
import { useLang } from '../../i18n';
import { useRegionOptions } from '../../layout/RegionPicker';
import { FitTag } from './labels';
import { RegionCell } from './ParcelsTab';
import {
  LAND_USES,
  type DemandResponse,
  type LandUse,
  type MatchItem,
  type MatchResult,
  type Reservation,
} from './types';

interface ProjectOption {
  id: string;
  code: string;
  name: string;
}

/** Picks a project by name, code or pinyin from the caller's projects. */
function ProjectPicker({ value, onChange }: { value?: string; onChange: (id: string | undefined) => void }) {
  const { t } = useLang();
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: ['factors', 'project-search', q],
    queryFn: () => api.get<{ items: ProjectOption[] }>('/api/projects', { q, pageSize: 20 }),
  });
  return (
    <Select
      showSearch
      allowClear
      data-testid="match-project"
      style={{ width: 420 }}
      placeholder={t('factors.match.pickProject')}
      filterOption={false}
      onSearch={setQ}
      loading={isFetching}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={(data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }))}
    />
  );
}

interface DemandForm {
  landMu?: string;
  buildingM2?: number;
  use?: LandUse;
  powerKva?: string;
  energyTce?: string;
  emissionsT?: string;
  preferredRegions?: string[];
  readyToBuild?: boolean;
  neededBy?: dayjs.Dayjs | null;
}

const text = (v: string | undefined | null) => (v === undefined || v === null || v === '' ? null : String(v));

/**
 * 要素匹配: an officer states a project's demand, sees the library ranked against it with the reason
 * for every point given or withheld, and reserves a candidate for the project.
 */
export function MatchTab() {
  const { t } = useLang();
  const [params, setParams] = useSearchParams();
  const projectId = params.get('project') ?? undefined;
  const [kind, setKind] = useState<'parcel' | 'building'>('parcel');
  const [reserving, setReserving] = useState<MatchItem | null>(null);

  const demand = useQuery({
    queryKey: ['factors', 'demand', projectId],
    queryFn: () => api.get<DemandResponse>(`/api/factors/demands/${projectId}`),
    enabled: Boolean(projectId),
  });
  const match = useQuery({
    queryKey: ['factors', 'match', projectId, kind],
    queryFn: () => api.get<MatchResult>('/api/factors/match', { projectId, kind }),
    enabled: Boolean(projectId) && demand.isSuccess,
  });
  const held = useQuery({
    queryKey: ['factors', 'reservations', 'project', projectId],
    queryFn: () => api.get<{ items: Reservation[] }>('/api/factors/reservations', { projectId, pageSize: 50 }),
    enabled: Boolean(projectId),
  });

  const unit = kind === 'parcel' ? t('factors.unit.mu') : t('factors.unit.m2');
  const columns: TableColumnsType<MatchItem> = [
    { title: t('factors.match.rank'), dataIndex: 'rank', width: 60 },
    {
      title: t('factors.name'),
      width: 260,
      render: (_, m) => (
        <>
          <div>
            <strong>{m.name}</strong>
          </div>
          <Typography.Text type="secondary">
            {m.code} · {m.size} {unit} · {t(`factors.use.${m.use}`)}
          </Typography.Text>
          <div>
            <RegionCell region={m.region} />
          </div>
        </>
      ),
    },
    {
      title: t('factors.match.score'),
      width: 120,
      render: (_, m) => (
        <div data-testid="match-score">
          <Progress
            percent={m.score}
            size="small"
            status={m.misfits ? 'exception' : 'success'}
            format={() => m.score}
          />
          {m.misfits > 0 && <Tag color="red">{t('factors.match.misfits', { count: m.misfits })}</Tag>}
        </div>
      ),
    },
    {
      title: t('factors.match.reasons'),
      render: (_, m) => (
        <div data-testid="match-reasons">
          {m.parts.map((p) => (
            <FitTag key={p.part} fit={p.fit} points={p.points} max={p.max} text={p.text} />
          ))}
        </div>
      ),
    },
    {
      title: t('common.actions'),
      width: 100,
      render: (_, m) => (
        <Button type="primary" size="small" onClick={() => setReserving(m)}>
          {t('factors.reserve')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <ProjectPicker
          value={projectId}
          onChange={(id) => {
            const next = new URLSearchParams(params);
            if (id) next.set('project', id);
            else next.delete('project');
            setParams(next, { replace: true });
          }}
        />
        {demand.data && (
          <Typography.Text type="secondary">
            {demand.data.project.code} · {demand.data.project.name}
          </Typography.Text>
        )}
      </Space>
      {!projectId ? (
        <Empty description={t('factors.match.pickProjectHint')} />
      ) : (
        <>
          {/* The form mounts with the saved demand as its initial values: filled in before that arrived, it would be overwritten. */}
          {demand.data ? (
            <DemandCard key={demand.data.project.id} projectId={projectId} loaded={demand.data} />
          ) : (
            <Card size="small" title={t('factors.demand.title')} loading style={{ marginBottom: 16 }} />
          )}
          <Space style={{ marginBottom: 12 }}>
            <Segmented
              value={kind}
              onChange={(v) => setKind(v as 'parcel' | 'building')}
              options={[
                { value: 'parcel', label: t('factors.tab.parcels') },
                { value: 'building', label: t('factors.tab.buildings') },
              ]}
            />
            {match.data && (
              <Typography.Text type="secondary">
                {t('factors.match.considered', { count: match.data.considered })}
              </Typography.Text>
            )}
          </Space>
          <Table<MatchItem>
            rowKey="id"
            size="middle"
            data-testid="match-results"
            columns={columns}
            dataSource={match.data?.items}
            loading={match.isFetching}
            pagination={false}
          />
          <Card size="small" title={t('factors.match.holds')} style={{ marginTop: 16 }}>
            <Table<Reservation>
              rowKey="id"
              size="small"
              data-testid="project-holds"
              dataSource={held.data?.items}
              pagination={false}
              columns={[
                { title: t('factors.code'), render: (_, r) => r.item.code },
                { title: t('factors.name'), render: (_, r) => r.item.name },
                { title: t('factors.reservation.expiresOn'), dataIndex: 'expiresOn' },
                {
                  title: t('common.status'),
                  render: (_, r) => (
                    <Tag color={r.status === 'active' ? 'orange' : 'default'}>
                      {t(`factors.reservation.${r.status}`)}
                    </Tag>
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
      <ReserveModal item={reserving} projectId={projectId} onClose={() => setReserving(null)} />
    </>
  );
}

function demandValues(d: DemandResponse): DemandForm {
  return d.demand
    ? {
        landMu: d.demand.landMu ?? undefined,
        buildingM2: d.demand.buildingM2 ?? undefined,
        use: d.demand.use ?? undefined,
        powerKva: d.demand.powerKva ?? undefined,
        energyTce: d.demand.energyTce ?? undefined,
        emissionsT: d.demand.emissionsT ?? undefined,
        preferredRegions: d.demand.preferredRegions.map((r) => r.code),
        readyToBuild: d.demand.readyToBuild,
        neededBy: d.demand.neededBy ? dayjs(d.demand.neededBy) : null,
      }
    : { landMu: d.project.landDemandMu ?? undefined, preferredRegions: [], readyToBuild: false };
}

/** The project's demand, started from what is saved; saving it reruns the match. */
function DemandCard({ projectId, loaded }: { projectId: string; loaded: DemandResponse }) {
  const { t, lang } = useLang();
  const [form] = Form.useForm<DemandForm>();
  const client = useQueryClient();
  const showError = useShowError();
  const { options: regionOptions } = useRegionOptions();

  const save = useMutation({
    mutationFn: (v: DemandForm) =>
      api.put<DemandResponse>(`/api/factors/demands/${projectId}`, {
        version: loaded.demand?.version ?? 0,
        landMu: text(v.landMu),
        buildingM2: v.buildingM2 ?? null,
        use: v.use ?? null,
        powerKva: text(v.powerKva),
        energyTce: text(v.energyTce),
        emissionsT: text(v.emissionsT),
        preferredRegions: v.preferredRegions ?? [],
        readyToBuild: Boolean(v.readyToBuild),
        neededBy: v.neededBy ? v.neededBy.format('YYYY-MM-DD') : null,
      }),
    onSuccess: (data) => {
      client.setQueryData(['factors', 'demand', projectId], data);
      void client.invalidateQueries({ queryKey: ['factors', 'match', projectId] });
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
    },
  });

  return (
    <Card size="small" title={t('factors.demand.title')} style={{ marginBottom: 16 }}>
      <Form<DemandForm>
        form={form}
        initialValues={demandValues(loaded)}
        layout="inline"
        onFinish={(v) => save.mutate(v)}
        style={{ rowGap: 12 }}
      >
        <Form.Item name="landMu" label={t('factors.demand.landMu')}>
          <Input style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="buildingM2" label={t('factors.demand.buildingM2')}>
          <InputNumber min={1} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="use" label={t('factors.use')}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={LAND_USES.map((u) => ({ value: u, label: t(`factors.use.${u}`) }))}
          />
        </Form.Item>
        <Form.Item name="powerKva" label={t('factors.demand.powerKva')}>
          <Input style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="energyTce" label={t('factors.demand.energyTce')}>
          <Input style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="emissionsT" label={t('factors.demand.emissionsT')}>
          <Input style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="preferredRegions" label={t('factors.demand.preferredRegions')}>
          <TreeSelect
            multiple
            allowClear
            style={{ minWidth: 220 }}
            treeData={regionOptions}
            showSearch={{ treeNodeFilterProp: 'title' }}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        <Form.Item name="readyToBuild" label={t('factors.readyToBuild')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="neededBy" label={t('factors.demand.neededBy')}>
          <DatePicker />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('factors.match.run')}
          </Button>
        </Form.Item>
      </Form>
      {!loaded.demand && <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('factors.demand.noneYet')} />}
    </Card>
  );
}

function ReserveModal({
  item,
  projectId,
  onClose,
}: {
  item: MatchItem | null;
  projectId?: string;
  onClose: () => void;
}) {
  const { t, lang } = useLang();
  const [form] = Form.useForm<{ expiresOn: dayjs.Dayjs; note?: string }>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const reserve = useMutation({
    mutationFn: (v: { expiresOn: dayjs.Dayjs; note?: string }) =>
      api.post<Reservation>('/api/factors/reservations', {
        projectId,
        ...(item?.kind === 'building' ? { buildingId: item.id } : { parcelId: item?.id }),
        expiresOn: v.expiresOn.format('YYYY-MM-DD'),
        note: v.note || null,
      }),
    onSuccess: (r) => {
      void message.success(t('factors.reserved', { code: r.item.code, date: r.expiresOn }));
      void client.invalidateQueries({ queryKey: ['factors'] });
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
    },
  });
  return (
    <Modal
      title={item ? `${t('factors.reserve')}：${item.code} ${item.name}` : ''}
      open={item !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('factors.reserve')}
      confirmLoading={reserve.isPending}
      destroyOnHidden
    >
      <p>{t('factors.reservation.rule')}</p>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ expiresOn: dayjs().add(30, 'day') }}
        onFinish={(v) => reserve.mutate(v)}
      >
        <Form.Item
          name="expiresOn"
          label={t('factors.reservation.expiresOn')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('factors.note')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
