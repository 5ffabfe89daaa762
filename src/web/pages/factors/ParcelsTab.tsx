import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  TreeSelect,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
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
import {
  FACTOR_STATUSES,
  LAND_USES,
  SUPPLY_MODES,
  type FactorStatus,
  type LandUse,
  type MapPoint,
  type Parcel,
} from './types';

interface Filters {
  q?: string;
  regionCode?: string;
  use?: LandUse;
  status?: FactorStatus;
  minMu?: string;
  readyToBuild?: boolean;
  page: number;
  pageSize: number;
}

/** 地块: the parcel library as a list or on the map, with the same filters. */
export function ParcelsTab() {
  const { t } = useLang();
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20 });
  const [view, setView] = useState<'list' | 'map'>('list');
  const [editing, setEditing] = useState<Parcel | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const { options: regionOptions } = useRegionOptions();
  const { page, pageSize, ...where } = filters;

  const list = useQuery({
    queryKey: ['factors', 'parcels', filters],
    queryFn: () => api.get<{ items: Parcel[]; total: number }>('/api/factors/parcels', { ...filters }),
    placeholderData: keepPreviousData,
    enabled: view === 'list',
  });
  const map = useQuery({
    queryKey: ['factors', 'map', 'parcel', where],
    queryFn: () =>
      api.get<{ points: MapPoint[]; truncated: boolean }>('/api/factors/map', {
        kind: 'parcel',
        regionCode: where.regionCode,
        use: where.use,
        status: where.status,
        minMu: where.minMu,
      }),
    enabled: view === 'map',
  });

  const columns: TableColumnsType<Parcel> = [
    { title: t('factors.code'), dataIndex: 'code', width: 150 },
    { title: t('factors.name'), dataIndex: 'name' },
    { title: t('factors.region'), width: 150, render: (_, p) => <RegionCell region={p.region} /> },
    { title: t('factors.areaMu'), dataIndex: 'areaMu', width: 100, align: 'right' },
    { title: t('factors.use'), width: 100, render: (_, p) => t(`factors.use.${p.use}`) },
    {
      title: t('factors.price'),
      width: 130,
      align: 'right',
      render: (_, p) =>
        p.priceWanPerMu
          ? `${p.priceWanPerMu}${p.priceKind === 'reference' ? ` (${t('factors.priceKind.reference')})` : ''}`
          : '—',
    },
    {
      title: t('factors.supplyModes'),
      width: 180,
      render: (_, p) => p.supplyModes.map((m) => <Tag key={m}>{t(`factors.supplyMode.${m}`)}</Tag>),
    },
    {
      title: t('factors.readyToBuild'),
      width: 100,
      render: (_, p) => (p.readyToBuild ? <Tag color="green">{t('factors.readyToBuild')}</Tag> : '—'),
    },
    {
      title: t('factors.availableOn'),
      dataIndex: 'availableOn',
      width: 110,
      render: (v: string | null) => v ?? t('factors.now'),
    },
    { title: t('common.status'), width: 90, render: (_, p) => <StatusTag status={p.status} /> },
    {
      title: t('common.actions'),
      width: 80,
      render: (_, p) => (
        <Button type="link" size="small" onClick={() => setEditing(p)}>
          {t('common.edit')}
        </Button>
      ),
    },
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
        <Select<LandUse>
          allowClear
          style={{ width: 130 }}
          placeholder={t('factors.use')}
          value={filters.use}
          onChange={(use) => setFilters((f) => ({ ...f, use, page: 1 }))}
          options={LAND_USES.map((u) => ({ value: u, label: t(`factors.use.${u}`) }))}
        />
        <Select<FactorStatus>
          allowClear
          style={{ width: 120 }}
          placeholder={t('common.status')}
          value={filters.status}
          onChange={(status) => setFilters((f) => ({ ...f, status, page: 1 }))}
          options={FACTOR_STATUSES.map((s) => ({ value: s, label: t(`factors.status.${s}`) }))}
        />
        <InputNumber<string>
          stringMode
          min="0"
          style={{ width: 140 }}
          placeholder={t('factors.minMu')}
          value={filters.minMu}
          onChange={(v) => setFilters((f) => ({ ...f, minMu: v || undefined, page: 1 }))}
        />
        <Checkbox
          checked={filters.readyToBuild === true}
          onChange={(e) => setFilters((f) => ({ ...f, readyToBuild: e.target.checked || undefined, page: 1 }))}
        >
          {t('factors.readyToBuild')}
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
        <Button icon={<DownloadOutlined />} onClick={() => download('/api/factors/excel/parcels/export', { ...where })}>
          {t('factors.export')}
        </Button>
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
          {t('factors.import')}
        </Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('factors.addParcel')}
        </Button>
      </div>
      {view === 'list' ? (
        <Table<Parcel>
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
        <>
          <FactorMap points={map.data?.points ?? []} />
          {map.data?.truncated && <p style={{ color: '#b45309' }}>{t('factors.map.truncated')}</p>}
        </>
      )}
      <ParcelFormModal
        parcel={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
      <FactorImportModal kind="parcels" open={importing} onClose={() => setImporting(false)} />
    </>
  );
}

export function RegionCell({ region }: { region: Parcel['region'] }) {
  const { t } = useLang();
  return (
    <span>
      {region.name}
      {region.zoneLevel === 'national' || region.zoneLevel === 'provincial' ? (
        <Tag color="blue" style={{ marginInlineStart: 4 }}>
          {t(`factors.zoneLevel.${region.zoneLevel}`)}
        </Tag>
      ) : null}
    </span>
  );
}

interface ParcelForm {
  code: string;
  name: string;
  regionCode: string;
  areaMu: string;
  use: LandUse;
  zoning?: string;
  address?: string;
  lng?: string;
  lat?: string;
  priceWanPerMu?: string;
  priceKind: 'listed' | 'reference';
  supplyModes: string[];
  plotRatioMin?: string;
  plotRatioMax?: string;
  readyToBuild: boolean;
  availableOn?: dayjs.Dayjs | null;
  published: boolean;
  note?: string;
}

const blank = (v: string | undefined | null) => (v === undefined || v === null || v === '' ? null : String(v));

function ParcelFormModal({ parcel, open, onClose }: { parcel: Parcel | null; open: boolean; onClose: () => void }) {
  const { t, lang } = useLang();
  const [form] = Form.useForm<ParcelForm>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const { options: regionOptions } = useRegionOptions();

  const save = useMutation({
    mutationFn: (v: ParcelForm) => {
      const body = {
        code: v.code,
        name: v.name,
        regionCode: v.regionCode,
        areaMu: String(v.areaMu),
        use: v.use,
        zoning: blank(v.zoning),
        address: blank(v.address),
        lng: blank(v.lng),
        lat: blank(v.lat),
        priceWanPerMu: blank(v.priceWanPerMu),
        priceKind: v.priceKind,
        supplyModes: v.supplyModes,
        plotRatioMin: blank(v.plotRatioMin),
        plotRatioMax: blank(v.plotRatioMax),
        readyToBuild: v.readyToBuild,
        availableOn: v.availableOn ? v.availableOn.format('YYYY-MM-DD') : null,
        published: v.published,
        note: blank(v.note),
      };
      return parcel
        ? api.patch<Parcel>(`/api/factors/parcels/${parcel.id}`, { ...body, version: parcel.version })
        : api.post<Parcel>('/api/factors/parcels', body);
    },
    onSuccess: () => {
      void message.success(t(parcel ? 'common.saved' : 'common.created'));
      void client.invalidateQueries({ queryKey: ['factors'] });
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
    },
  });

  return (
    <Modal
      title={t(parcel ? 'factors.editParcel' : 'factors.addParcel')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      width={720}
      destroyOnHidden
    >
      <Form<ParcelForm>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => save.mutate(v)}
        initialValues={
          parcel
            ? {
                ...parcel,
                zoning: parcel.zoning ?? undefined,
                address: parcel.address ?? undefined,
                lng: parcel.lng ?? undefined,
                lat: parcel.lat ?? undefined,
                priceWanPerMu: parcel.priceWanPerMu ?? undefined,
                plotRatioMin: parcel.plotRatioMin ?? undefined,
                plotRatioMax: parcel.plotRatioMax ?? undefined,
                availableOn: parcel.availableOn ? dayjs(parcel.availableOn) : null,
                regionCode: parcel.region.code,
                note: parcel.note ?? undefined,
              }
            : {
                priceKind: 'reference',
                supplyModes: ['transfer'],
                readyToBuild: false,
                published: false,
                use: 'industrial',
              }
        }
      >
        <Space.Compact block>
          <Form.Item
            name="code"
            label={t('factors.code')}
            rules={[{ required: true, message: t('common.required') }]}
            style={{ width: '35%' }}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('factors.name')}
            rules={[{ required: true, message: t('common.required') }]}
            style={{ width: '65%' }}
          >
            <Input />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item
            name="regionCode"
            label={t('factors.region')}
            rules={[{ required: true, message: t('common.required') }]}
            style={{ width: '40%' }}
          >
            <TreeSelect
              treeData={regionOptions}
              showSearch={{ treeNodeFilterProp: 'title' }}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
          <Form.Item
            name="areaMu"
            label={t('factors.areaMu')}
            rules={[{ required: true, message: t('common.required') }]}
            style={{ width: '30%' }}
          >
            <InputNumber<string> stringMode min="0" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="use" label={t('factors.use')} style={{ width: '30%' }}>
            <Select options={LAND_USES.map((u) => ({ value: u, label: t(`factors.use.${u}`) }))} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="zoning" label={t('factors.zoning')} style={{ width: '40%' }}>
            <Input />
          </Form.Item>
          <Form.Item name="lng" label={t('factors.map.lng')} style={{ width: '30%' }}>
            <Input />
          </Form.Item>
          <Form.Item name="lat" label={t('factors.map.lat')} style={{ width: '30%' }}>
            <Input />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="address" label={t('factors.address')}>
          <Input />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="priceWanPerMu" label={t('factors.price')} style={{ width: '30%' }}>
            <Input />
          </Form.Item>
          <Form.Item name="priceKind" label={t('factors.priceKind')} style={{ width: '20%' }}>
            <Select
              options={(['listed', 'reference'] as const).map((k) => ({
                value: k,
                label: t(`factors.priceKind.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="plotRatioMin" label={t('factors.plotRatioMin')} style={{ width: '25%' }}>
            <Input />
          </Form.Item>
          <Form.Item name="plotRatioMax" label={t('factors.plotRatioMax')} style={{ width: '25%' }}>
            <Input />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="supplyModes" label={t('factors.supplyModes')}>
          <Checkbox.Group options={SUPPLY_MODES.map((m) => ({ value: m, label: t(`factors.supplyMode.${m}`) }))} />
        </Form.Item>
        <Space size="large">
          <Form.Item name="readyToBuild" label={t('factors.readyToBuild')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="availableOn" label={t('factors.availableOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="published" label={t('factors.published')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('factors.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
