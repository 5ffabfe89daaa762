import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  TreeSelect,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { useShowError } from '../../api/useApiError';
import { useRegion } from '../../app/region';
import { useLang } from '../../i18n';
import { useRegionOptions } from '../../layout/RegionPicker';
import { StatusTag } from './labels';
import { RegionCell } from './ParcelsTab';
import type { ByLevel, LandLists, Parcel, PriorityShare, Reservation, ShareRow } from './types';

/** 预留: holds in scope, with release and "used" actions. */
export function ReservationsTab() {
  const { t } = useLang();
  const [status, setStatus] = useState<Reservation['status'] | undefined>('active');
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const list = useQuery({
    queryKey: ['factors', 'reservations', status],
    queryFn: () =>
      api.get<{ items: Reservation[]; total: number }>('/api/factors/reservations', { status, pageSize: 200 }),
  });
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'release' | 'use' }) =>
      api.post<Reservation>(`/api/factors/reservations/${id}/${action}`, {}),
    onSuccess: () => {
      void message.success(t('common.saved'));
      void client.invalidateQueries({ queryKey: ['factors'] });
    },
    onError: showError,
  });
  const columns: TableColumnsType<Reservation> = [
    { title: t('factors.code'), render: (_, r) => r.item.code, width: 150 },
    { title: t('factors.name'), render: (_, r) => r.item.name },
    { title: t('factors.reservation.project'), render: (_, r) => `${r.project.name}（${r.project.code}）` },
    {
      title: t('factors.reservation.holder'),
      render: (_, r) => `${r.holder.displayName} · ${r.holderUnit.name}`,
      width: 220,
    },
    { title: t('factors.reservation.expiresOn'), dataIndex: 'expiresOn', width: 110 },
    {
      title: t('common.status'),
      width: 220,
      render: (_, r) => (
        <>
          <Tag color={r.status === 'active' ? 'orange' : 'default'}>{t(`factors.reservation.${r.status}`)}</Tag>
          {r.releaseDueOn && r.status === 'active' && (
            <Tag color="red">
              {t('factors.reservation.releaseOn', {
                date: r.releaseDueOn,
                cause: r.releaseCause ? t(`factors.releaseCause.${r.releaseCause}`) : '',
              })}
            </Tag>
          )}
        </>
      ),
    },
    {
      title: t('common.actions'),
      width: 160,
      render: (_, r) =>
        r.status === 'active' ? (
          <Space>
            <Popconfirm
              title={t('factors.reservation.confirmRelease')}
              onConfirm={() => act.mutate({ id: r.id, action: 'release' })}
            >
              <Button size="small">{t('factors.reservation.release')}</Button>
            </Popconfirm>
            <Button size="small" onClick={() => act.mutate({ id: r.id, action: 'use' })}>
              {t('factors.reservation.use')}
            </Button>
          </Space>
        ) : null,
    },
  ];
  return (
    <>
      <div className="zs-toolbar">
        <Select<Reservation['status']>
          allowClear
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={(['active', 'released', 'used'] as const).map((s) => ({
            value: s,
            label: t(`factors.reservation.${s}`),
          }))}
        />
        <Typography.Text type="secondary">{t('factors.reservation.rule')}</Typography.Text>
      </div>
      <Table<Reservation>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
      />
    </>
  );
}

const parcelColumns = (t: ReturnType<typeof useLang>['t']): TableColumnsType<Parcel> => [
  { title: t('factors.code'), dataIndex: 'code', width: 150 },
  { title: t('factors.name'), dataIndex: 'name' },
  { title: t('factors.region'), width: 200, render: (_, p) => <RegionCell region={p.region} /> },
  { title: t('factors.areaMu'), dataIndex: 'areaMu', width: 100, align: 'right' },
  {
    title: t('factors.readyToBuild'),
    width: 110,
    render: (_, p) => (p.readyToBuild ? t('common.yes') : t('common.no')),
  },
  { title: t('common.status'), width: 90, render: (_, p) => <StatusTag status={p.status} /> },
];

function ShareCell({ row, target }: { row: ShareRow; target: number | null }) {
  const { t } = useLang();
  const percent = row.share === null ? null : (Number(row.share) * 100).toFixed(2);
  return (
    <Space direction="vertical" size={0}>
      <Statistic value={percent ?? '—'} suffix={percent === null ? undefined : '%'} />
      <Typography.Text type="secondary">
        {row.inPriorityZones} / {row.total}
      </Typography.Text>
      {row.meets === true && (
        <Tag color="green">{t('factors.lists.meets', { target: Math.round((target ?? 0) * 100) })}</Tag>
      )}
      {row.meets === false && (
        <Tag color="red">{t('factors.lists.misses', { target: Math.round((target ?? 0) * 100) })}</Tag>
      )}
    </Space>
  );
}

/** 清单: contiguous land and reserves (Jiaxing), resources by level (Jilin), the ≥70% share. */
export function ListsTab() {
  const { t } = useLang();
  const { regionCode: headerRegion } = useRegion();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [date, setDate] = useState<dayjs.Dayjs>(dayjs());
  const [year, setYear] = useState<number>(dayjs().year());
  const { options: regionOptions } = useRegionOptions();
  const region = regionCode ?? headerRegion;

  const land = useQuery({
    queryKey: ['factors', 'lists', 'land', region, date.format('YYYY-MM-DD')],
    queryFn: () =>
      api.get<LandLists>('/api/factors/lists/land', { regionCode: region, date: date.format('YYYY-MM-DD') }),
  });
  const levels = useQuery({
    queryKey: ['factors', 'lists', 'levels', region],
    queryFn: () => api.get<ByLevel>('/api/factors/lists/by-level', { regionCode: region }),
  });
  const share = useQuery({
    queryKey: ['factors', 'lists', 'share', region, year],
    queryFn: () => api.get<PriorityShare>('/api/factors/lists/priority-zone-share', { regionCode: region, year }),
  });

  return (
    <>
      <div className="zs-toolbar">
        <TreeSelect
          style={{ width: 220 }}
          treeData={regionOptions}
          value={region}
          onChange={(code: string) => setRegionCode(code)}
          showSearch={{ treeNodeFilterProp: 'title' }}
          popupMatchSelectWidth={false}
        />
      </div>
      <Card
        size="small"
        title={t('factors.lists.land')}
        extra={
          <Space>
            <Typography.Text type="secondary">{t('factors.lists.policyDate')}</Typography.Text>
            <DatePicker allowClear={false} value={date} onChange={(d) => d && setDate(d)} />
          </Space>
        }
        style={{ marginBottom: 16 }}
      >
        {land.data && !land.data.contiguousMu && (
          <Alert
            type="info"
            showIcon
            title={t('factors.lists.noPolicy', { date: land.data.date })}
            style={{ marginBottom: 12 }}
          />
        )}
        {land.data?.contiguousMu && (
          <>
            <Typography.Title level={5}>
              {t('factors.lists.contiguous', { mu: land.data.contiguousMu.value })}
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {land.data.contiguousMu.source}
              </Typography.Text>
            </Typography.Title>
            <Table<Parcel>
              rowKey="id"
              size="small"
              data-testid="list-contiguous"
              columns={parcelColumns(t)}
              dataSource={land.data.contiguous}
              pagination={{ pageSize: 10 }}
            />
            <Typography.Title level={5}>
              {t('factors.lists.reserve', { mu: land.data.reserveMu?.value ?? '' })}
            </Typography.Title>
            <Table<Parcel>
              rowKey="id"
              size="small"
              data-testid="list-reserve"
              columns={parcelColumns(t)}
              dataSource={land.data.reserve}
              pagination={{ pageSize: 10 }}
            />
          </>
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('factors.lists.byLevel')} style={{ marginBottom: 16 }}>
            <Table
              rowKey={(r) => `${r.level}-${r.zoneLevel ?? ''}`}
              size="small"
              pagination={false}
              dataSource={levels.data?.rows}
              columns={[
                {
                  title: t('factors.lists.level'),
                  render: (_, r) =>
                    r.level === 'zone' && r.zoneLevel
                      ? t(`factors.zoneLevel.${r.zoneLevel}`)
                      : t(`factors.level.${r.level}`),
                },
                { title: t('factors.tab.parcels'), dataIndex: 'parcels', align: 'right' },
                { title: t('factors.areaMu'), dataIndex: 'parcelAreaMu', align: 'right' },
                { title: t('factors.tab.buildings'), dataIndex: 'buildings', align: 'right' },
                { title: t('factors.floorAreaM2'), dataIndex: 'buildingAreaM2', align: 'right' },
                { title: t('factors.tab.funds'), dataIndex: 'funds', align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('factors.lists.share')}
            extra={
              <InputNumber
                min={2000}
                max={2100}
                value={year}
                onChange={(v) => v && setYear(v)}
                addonBefore={t('factors.year')}
              />
            }
          >
            {share.data && (
              <>
                <Typography.Paragraph type="secondary">
                  {share.data.target
                    ? t('factors.lists.shareTarget', {
                        target: Math.round(share.data.target.value * 100),
                        source: share.data.target.source,
                      })
                    : t('factors.lists.noTarget')}
                </Typography.Paragraph>
                <Row gutter={12} data-testid="share">
                  {share.data.quotas.map((q) => (
                    <Col span={6} key={q.kind}>
                      <Typography.Text strong>{t(`factors.quotaKind.${q.kind}`)}</Typography.Text>
                      <ShareCell row={q} target={share.data.target?.value ?? null} />
                    </Col>
                  ))}
                  <Col span={6}>
                    <Typography.Text strong>{t('factors.lists.majorProjects')}</Typography.Text>
                    <ShareCell row={share.data.majorProjects} target={share.data.target?.value ?? null} />
                  </Col>
                </Row>
              </>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
