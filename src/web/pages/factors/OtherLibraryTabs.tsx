import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Select,
  Table,
  Tag,
  TreeSelect,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { applyFieldErrors } from '../../api/forms';
import { useShowError } from '../../api/useApiError';
import { useLang } from '../../i18n';
import { useRegionOptions } from '../../layout/RegionPicker';
import { download } from '../projects/files';
import { FactorImportModal } from './FactorImportModal';
import { FactorMap } from './FactorMap';
import { StatusTag } from './labels';
import { RegionCell } from './ParcelsTab';
import {
  BUILDING_KINDS,
  FUND_STAGES,
  QUOTA_KINDS,
  type Building,
  type BuildingKind,
  type Fund,
  type MapPoint,
  type Quota,
  type QuotaKind,
} from './types';

/** 楼宇厂房: buildings and standard factories, as a list or on the map. */
export function BuildingsTab() {
  const { t } = useLang();
  const [filters, setFilters] = useState<{
    q?: string;
    regionCode?: string;
    kind?: BuildingKind;
    minM2?: number;
    crane?: boolean;
    page: number;
    pageSize: number;
  }>({ page: 1, pageSize: 20 });
  const [view, setView] = useState<'list' | 'map'>('list');
  const [importing, setImporting] = useState(false);
  const [adding, setAdding] = useState(false);
  const { options: regionOptions } = useRegionOptions();
  const { page, pageSize, ...where } = filters;
  const list = useQuery({
    queryKey: ['factors', 'buildings', filters],
    queryFn: () => api.get<{ items: Building[]; total: number }>('/api/factors/buildings', { ...filters }),
    placeholderData: keepPreviousData,
    enabled: view === 'list',
  });
  const map = useQuery({
    queryKey: ['factors', 'map', 'building', where.regionCode],
    queryFn: () =>
      api.get<{ points: MapPoint[] }>('/api/factors/map', { kind: 'building', regionCode: where.regionCode }),
    enabled: view === 'map',
  });
  const columns: TableColumnsType<Building> = [
    { title: t('factors.code'), dataIndex: 'code', width: 150 },
    { title: t('factors.name'), dataIndex: 'name' },
    { title: t('factors.buildingKind'), width: 110, render: (_, b) => t(`factors.buildingKind.${b.kind}`) },
    { title: t('factors.region'), width: 150, render: (_, b) => <RegionCell region={b.region} /> },
    { title: t('factors.floorAreaM2'), dataIndex: 'floorAreaM2', width: 120, align: 'right' },
    { title: t('factors.floors'), dataIndex: 'floors', width: 70, align: 'right' },
    { title: t('factors.floorHeightM'), dataIndex: 'floorHeightM', width: 90, align: 'right' },
    { title: t('factors.loadKnM2'), dataIndex: 'loadKnM2', width: 100, align: 'right' },
    {
      title: t('factors.crane'),
      dataIndex: 'craneTons',
      width: 90,
      render: (v: number | null) => (v ? `${v} t` : '—'),
    },
    { title: t('factors.rent'), dataIndex: 'rentYuanM2Month', width: 110, align: 'right' },
    { title: t('common.status'), width: 90, render: (_, b) => <StatusTag status={b.status} /> },
  ];
  return (
    <>
      <div className="zs-toolbar" style={{ flexWrap: 'wrap' }}>
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t('factors.searchPlaceholder')}
          onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined, page: 1 }))}
        />
        <TreeSelect
          allowClear
          style={{ width: 200 }}
          placeholder={t('factors.region')}
          treeData={regionOptions}
          value={filters.regionCode}
          onChange={(regionCode?: string) => setFilters((f) => ({ ...f, regionCode, page: 1 }))}
          showSearch={{ treeNodeFilterProp: 'title' }}
          popupMatchSelectWidth={false}
        />
        <Select<BuildingKind>
          allowClear
          style={{ width: 140 }}
          placeholder={t('factors.buildingKind')}
          value={filters.kind}
          onChange={(kind) => setFilters((f) => ({ ...f, kind, page: 1 }))}
          options={BUILDING_KINDS.map((k) => ({ value: k, label: t(`factors.buildingKind.${k}`) }))}
        />
        <InputNumber
          min={0}
          style={{ width: 160 }}
          placeholder={t('factors.minM2')}
          value={filters.minM2}
          onChange={(v) => setFilters((f) => ({ ...f, minM2: v ?? undefined, page: 1 }))}
        />
        <Checkbox
          checked={filters.crane === true}
          onChange={(e) => setFilters((f) => ({ ...f, crane: e.target.checked || undefined, page: 1 }))}
        >
          {t('factors.crane')}
        </Checkbox>
        <div style={{ flex: 1 }} />
        <Segmented
          value={view}
          onChange={(v) => setView(v as 'list' | 'map')}
          options={[
            { value: 'list', label: t('factors.view.list') },
            { value: 'map', label: t('factors.view.map') },
          ]}
        />
        <Button
          icon={<DownloadOutlined />}
          onClick={() => download('/api/factors/excel/buildings/export', { ...where })}
        >
          {t('factors.export')}
        </Button>
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
          {t('factors.import')}
        </Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('factors.addBuilding')}
        </Button>
      </div>
      {view === 'list' ? (
        <Table<Building>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 1300 }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => setFilters((f) => ({ ...f, page: p, pageSize: s })),
          }}
        />
      ) : (
        <FactorMap points={map.data?.points ?? []} />
      )}
      <FactorImportModal kind="buildings" open={importing} onClose={() => setImporting(false)} />
      <SimpleCreateModal
        open={adding}
        onClose={() => setAdding(false)}
        title={t('factors.addBuilding')}
        path="/api/factors/buildings"
        fields={[
          { name: 'code', label: t('factors.code'), required: true },
          { name: 'name', label: t('factors.name'), required: true },
          {
            name: 'kind',
            label: t('factors.buildingKind'),
            required: true,
            options: BUILDING_KINDS.map((k) => ({ value: k, label: t(`factors.buildingKind.${k}`) })),
          },
          { name: 'regionCode', label: t('factors.region'), required: true, region: true },
          { name: 'floorAreaM2', label: t('factors.floorAreaM2'), required: true, integer: true },
          { name: 'floors', label: t('factors.floors'), integer: true },
          { name: 'floorHeightM', label: t('factors.floorHeightM') },
          { name: 'loadKnM2', label: t('factors.loadKnM2') },
          { name: 'craneTons', label: t('factors.crane'), integer: true },
          { name: 'rentYuanM2Month', label: t('factors.rent') },
          { name: 'lng', label: t('factors.map.lng') },
          { name: 'lat', label: t('factors.map.lat') },
        ]}
      />
    </>
  );
}

/** 产业基金 */
export function FundsTab() {
  const { t } = useLang();
  const [filters, setFilters] = useState<{ q?: string; page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const [importing, setImporting] = useState(false);
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: ['factors', 'funds', filters],
    queryFn: () => api.get<{ items: Fund[]; total: number }>('/api/factors/funds', { ...filters }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<Fund> = [
    { title: t('factors.fundName'), dataIndex: 'name' },
    { title: t('factors.region'), width: 160, render: (_, f) => <RegionCell region={f.region} /> },
    { title: t('factors.fundSize'), dataIndex: 'sizeWan', width: 140, align: 'right' },
    {
      title: t('factors.focusIndustries'),
      render: (_, f) => f.focusIndustries.map((i) => <Tag key={i}>{i}</Tag>),
    },
    {
      title: t('factors.fundStages'),
      width: 200,
      render: (_, f) => f.stages.map((s) => <Tag key={s}>{t(`factors.fundStage.${s}`)}</Tag>),
    },
    { title: t('factors.manager'), dataIndex: 'manager', width: 220 },
  ];
  return (
    <>
      <div className="zs-toolbar">
        <Input.Search
          allowClear
          style={{ width: 260 }}
          placeholder={t('factors.searchPlaceholder')}
          onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined, page: 1 }))}
        />
        <div style={{ flex: 1 }} />
        <Button
          icon={<DownloadOutlined />}
          onClick={() => download('/api/factors/excel/funds/export', { q: filters.q })}
        >
          {t('factors.export')}
        </Button>
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
          {t('factors.import')}
        </Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('factors.addFund')}
        </Button>
      </div>
      <Table<Fund>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => setFilters((f) => ({ ...f, page: p, pageSize: s })),
        }}
      />
      <FactorImportModal kind="funds" open={importing} onClose={() => setImporting(false)} />
      <SimpleCreateModal
        open={adding}
        onClose={() => setAdding(false)}
        title={t('factors.addFund')}
        path="/api/factors/funds"
        fields={[
          { name: 'name', label: t('factors.fundName'), required: true },
          { name: 'regionCode', label: t('factors.region'), required: true, region: true },
          { name: 'sizeWan', label: t('factors.fundSize'), required: true },
          { name: 'focusIndustries', label: t('factors.focusIndustries'), tags: true },
          {
            name: 'stages',
            label: t('factors.fundStages'),
            multiple: true,
            options: FUND_STAGES.map((s) => ({ value: s, label: t(`factors.fundStage.${s}`) })),
          },
          { name: 'manager', label: t('factors.manager') },
        ]}
      />
    </>
  );
}

/** 指标: quotas per zone and year, what is given out and what is left. */
export function QuotasTab() {
  const { t } = useLang();
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [kind, setKind] = useState<QuotaKind | undefined>();
  const [allocating, setAllocating] = useState<Quota | null>(null);
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: ['factors', 'quotas', year, kind],
    queryFn: () => api.get<{ items: Quota[] }>('/api/factors/quotas', { year, kind }),
  });
  const columns: TableColumnsType<Quota> = [
    { title: t('factors.region'), render: (_, q) => <RegionCell region={q.region} /> },
    { title: t('factors.quotaKind'), width: 140, render: (_, q) => t(`factors.quotaKind.${q.kind}`) },
    { title: t('factors.quotaTotal'), dataIndex: 'total', width: 120, align: 'right' },
    { title: t('factors.quotaAllocated'), dataIndex: 'allocated', width: 120, align: 'right' },
    {
      title: t('factors.quotaRemaining'),
      dataIndex: 'remaining',
      width: 120,
      align: 'right',
      render: (v: string) => <span style={{ color: v.startsWith('-') ? '#dc2626' : undefined }}>{v}</span>,
    },
    {
      title: t('common.actions'),
      width: 100,
      render: (_, q) => (
        <Button type="link" size="small" onClick={() => setAllocating(q)}>
          {t('factors.allocate')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <div className="zs-toolbar">
        <InputNumber
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
          addonBefore={t('factors.year')}
        />
        <Select<QuotaKind>
          allowClear
          style={{ width: 160 }}
          placeholder={t('factors.quotaKind')}
          value={kind}
          onChange={setKind}
          options={QUOTA_KINDS.map((k) => ({ value: k, label: t(`factors.quotaKind.${k}`) }))}
        />
        <div style={{ flex: 1 }} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('factors.addQuota')}
        </Button>
      </div>
      <Table<Quota>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
      />
      <SimpleCreateModal
        open={allocating !== null}
        onClose={() => setAllocating(null)}
        title={`${t('factors.allocate')} · ${allocating?.region.name ?? ''} ${allocating ? t(`factors.quotaKind.${allocating.kind}`) : ''}`}
        path={`/api/factors/quotas/${allocating?.id ?? ''}/allocations`}
        fields={[
          { name: 'amount', label: t('factors.amount'), required: true },
          { name: 'note', label: t('factors.note') },
        ]}
      />
      <SimpleCreateModal
        open={adding}
        onClose={() => setAdding(false)}
        title={t('factors.addQuota')}
        path="/api/factors/quotas"
        fixed={{ year }}
        fields={[
          { name: 'regionCode', label: t('factors.region'), required: true, region: true },
          {
            name: 'kind',
            label: t('factors.quotaKind'),
            required: true,
            options: QUOTA_KINDS.map((k) => ({ value: k, label: t(`factors.quotaKind.${k}`) })),
          },
          { name: 'total', label: t('factors.quotaTotal'), required: true },
        ]}
      />
    </>
  );
}

interface FieldSpec {
  name: string;
  label: string;
  required?: boolean;
  integer?: boolean;
  region?: boolean;
  tags?: boolean;
  multiple?: boolean;
  options?: { value: string; label: string }[];
}

/** A small create form: text, whole numbers, a region, or a choice; server field errors land on the fields. */
function SimpleCreateModal({
  open,
  onClose,
  title,
  path,
  fields,
  fixed = {},
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  path: string;
  fields: FieldSpec[];
  fixed?: Record<string, unknown>;
}) {
  const { t, lang } = useLang();
  const [form] = Form.useForm<Record<string, unknown>>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const { options: regionOptions } = useRegionOptions();
  const save = useMutation({
    mutationFn: (values: Record<string, unknown>) => {
      const body: Record<string, unknown> = { ...fixed };
      for (const f of fields) {
        const v = values[f.name];
        if (v === undefined || v === null || v === '') continue;
        body[f.name] = f.integer ? Number(v) : v;
      }
      return api.post(path, body);
    },
    onSuccess: () => {
      void message.success(t('common.created'));
      void client.invalidateQueries({ queryKey: ['factors'] });
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
    },
  });
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => save.mutate(v)}>
        {fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            rules={f.required ? [{ required: true, message: t('common.required') }] : []}
          >
            {f.region ? (
              <TreeSelect
                treeData={regionOptions}
                showSearch={{ treeNodeFilterProp: 'title' }}
                popupMatchSelectWidth={false}
              />
            ) : f.options ? (
              <Select options={f.options} mode={f.multiple ? 'multiple' : undefined} />
            ) : f.tags ? (
              <Select mode="tags" open={false} />
            ) : f.integer ? (
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            ) : (
              <Input />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
