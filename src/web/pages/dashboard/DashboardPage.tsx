import { useQuery } from '@tanstack/react-query';
import {
  Card,
  Col,
  List,
  Progress,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { useRegion } from '../../app/region';
import { RegionChoropleth, RegionPoints, type PointSeries } from '../../components/RegionMap';
import { hasRegionGeometry, type FeatureValue } from '../../components/regionGeo';
import { useLang } from '../../i18n';
import { formatWan } from '../projects/labels';
import { EChart } from './EChart';
import { databaseOfStage, drillLink, type Dashboard, type Kpi, type ProjectBrief } from './types';

/** The KPI cards shown first; every indicator is in the API answer. */
const CARDS = [
  'fundsInPlaceWan',
  'signedProjects',
  'signedAmountWan',
  'projectsGe1Yi',
  'projectsGe10Yi',
  'foreignCapitalUsdWan',
  'keyChainSharePercent',
  'reportTimelinessPercent',
];

type MapMetric = 'signed_investment' | 'funds';
/** One region's figures, as the map rolls them up. */
interface RegionFigure {
  code: string;
  name: string;
  value: number;
  row: Dashboard['byRegion'][number];
}

function useUnit() {
  const { t } = useLang();
  return (unit: Kpi['unit']) =>
    unit === 'wan'
      ? t('unit.wan')
      : unit === 'usdWan'
        ? t('unit.usdWan')
        : unit === 'count'
          ? t('dash.unit.count')
          : '%';
}

/** 领导驾驶舱: KPIs against targets, funnel, regions, chains, trend and the lists a leader acts on. */
export default function DashboardPage() {
  const { t, lang } = useLang();
  const { regionCode } = useRegion();
  const navigate = useNavigate();
  const unitOf = useUnit();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const { data, isLoading } = useQuery({
    queryKey: ['dashboard', regionCode, year],
    queryFn: () => api.get<Dashboard>('/api/dashboard', { region: regionCode, year }),
  });
  const name = (b: { zh: string; en: string }) => (lang === 'en' ? b.en : b.zh);
  const [regionView, setRegionView] = useState<'map' | 'bar'>('map');
  const [mapMetric, setMapMetric] = useState<MapMetric>('signed_investment');

  const funnelOption = useMemo(
    () =>
      data && {
        tooltip: { trigger: 'item', formatter: '{b}: {c}' },
        series: [
          {
            type: 'funnel',
            sort: 'none',
            minSize: '20%',
            label: { formatter: '{b} {c}' },
            data: data.funnel.map((f) => ({ name: name(f.label), value: f.count })),
          },
        ],
      },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `name` only depends on lang
    [data, lang],
  );
  const regionOption = useMemo(
    () =>
      data && {
        tooltip: { trigger: 'axis' },
        legend: { data: [t('dash.signedInvestment'), t('dash.fundsInPlace')] },
        grid: { left: 60, right: 20, bottom: 60 },
        xAxis: { type: 'category', data: data.byRegion.map((r) => r.region.name), axisLabel: { rotate: 30 } },
        yAxis: { type: 'value', name: t('unit.wan') },
        series: [
          {
            type: 'bar',
            name: t('dash.signedInvestment'),
            data: data.byRegion.map((r) => Number(r.signedInvestmentWan)),
          },
          { type: 'bar', name: t('dash.fundsInPlace'), data: data.byRegion.map((r) => Number(r.fundsInPlaceWan)) },
        ],
      },
    [data, t],
  );
  // The map colours one figure per region; the tooltip gives the others.
  const regionValues = useMemo(
    () =>
      (data?.byRegion ?? []).map((r) => ({
        code: r.region.code,
        name: r.region.name,
        value: Number(mapMetric === 'funds' ? r.fundsInPlaceWan : r.signedInvestmentWan),
        row: r,
      })),
    [data, mapMetric],
  );
  const wan = useCallback((v: number) => `${formatWan(String(Math.round(v * 10000) / 10000))} ${t('unit.wan')}`, [t]);
  const describeRegion = useCallback(
    (f: FeatureValue<RegionFigure>) =>
      f.items.flatMap(({ row }) => [
        ...(f.items.length > 1 ? [row.region.name] : []),
        mapMetric === 'funds'
          ? `${t('dash.signedInvestment')}: ${formatWan(row.signedInvestmentWan)} ${t('unit.wan')}`
          : `${t('dash.fundsInPlace')}: ${formatWan(row.fundsInPlaceWan)} ${t('unit.wan')}`,
        `${t('dash.signedProjects')}: ${row.signedProjects}`,
      ]),
    [mapMetric, t],
  );
  // Where no boundaries of the children are shipped (a city's counties), each child with a recorded
  // seat is a circle there, its area proportional to the figure, over the city's outline.
  const seatSeries = useMemo((): PointSeries<RegionFigure>[] => {
    const seated = regionValues.filter((r) => r.row.seat);
    const max = Math.max(0, ...seated.map((r) => r.value));
    return [
      {
        name: mapMetric === 'funds' ? t('dash.fundsInPlace') : t('dash.signedInvestment'),
        symbol: 'circle',
        color: 'rgba(29, 78, 216, 0.75)',
        symbolSize: (v) => 8 + 40 * Math.sqrt(max > 0 ? v / max : 0),
        points: seated.map((r) => ({
          lng: r.row.seat!.lng,
          lat: r.row.seat!.lat,
          size: r.value,
          label: r.name,
          item: r,
        })),
      },
    ];
  }, [regionValues, mapMetric, t]);
  const describeSeat = useCallback(
    (r: RegionFigure) => [
      r.name,
      `${mapMetric === 'funds' ? t('dash.fundsInPlace') : t('dash.signedInvestment')}: ${wan(r.value)}`,
      ...describeRegion({ feature: r.code, featureName: r.name, name: r.name, value: r.value, items: [r] }),
    ],
    [describeRegion, mapMetric, t, wan],
  );
  const trendOption = useMemo(
    () =>
      data && {
        tooltip: { trigger: 'axis' },
        legend: { data: [t('dash.signedAmount'), t('dash.fundsInPlace')] },
        grid: { left: 60, right: 20 },
        xAxis: { type: 'category', data: data.trend.map((m) => m.month) },
        yAxis: { type: 'value', name: t('unit.wan') },
        series: [
          { type: 'line', name: t('dash.signedAmount'), data: data.trend.map((m) => Number(m.signedAmountWan)) },
          { type: 'line', name: t('dash.fundsInPlace'), data: data.trend.map((m) => Number(m.fundsInPlaceWan)) },
        ],
      },
    [data, t],
  );

  if (isLoading || !data) return <Card loading />;
  const mapKind = hasRegionGeometry(data.region.code) ? 'areas' : data.byRegion.some((r) => r.seat) ? 'seats' : null;
  const unseated = data.byRegion.filter((r) => !r.seat);
  const drillRegion = (r: Dashboard['byRegion'][number], metric: MapMetric) =>
    navigate(drillLink({ metric, from: `${year}-01`, to: `${year}-12` }, r.region.code, r.region.name));
  const kpis = CARDS.map((k) => data.kpis.find((x) => x.key === k)).filter((k): k is Kpi => Boolean(k));
  const stageLink = (stage: string) =>
    `/projects/${databaseOfStage(stage)}?stage=${stage}&hostRegion=${data.region.code}`;
  // Each bar drills to the projects signed in the region this year.
  const regionBar = regionOption && (
    <EChart
      option={regionOption}
      testId="region-bar"
      onClick={(_, i) => drillRegion(data.byRegion[i]!, 'signed_investment')}
    />
  );
  const projectList = (items: ProjectBrief[], extra?: (p: ProjectBrief) => React.ReactNode) => (
    <List
      size="small"
      dataSource={items}
      locale={{ emptyText: t('dash.none') }}
      renderItem={(p) => (
        <List.Item extra={extra?.(p)}>
          <Link to={`/projects/${p.id}`}>{p.name}</Link>
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {p.hostRegion.name} · {formatWan(p.totalInvestmentWan)} {t('unit.wan')}
          </Typography.Text>
        </List.Item>
      )}
    />
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('dash.title', { region: data.region.name })}
        </Typography.Title>
        <Select
          value={year}
          onChange={setYear}
          aria-label={t('dash.year')}
          options={[thisYear - 2, thisYear - 1, thisYear].map((y) => ({ value: y, label: `${y}` }))}
        />
      </Space>
      <Row gutter={[16, 16]}>
        {kpis.map((k) => (
          <Col key={k.key} xs={24} sm={12} lg={6}>
            <Card size="small" data-testid={`kpi-${k.key}`}>
              <Tooltip title={`${name(k.definition)} (v${k.version})`}>
                <Typography.Text type="secondary">{name(k.name)}</Typography.Text>
              </Tooltip>
              {k.drill ? (
                <Link to={drillLink(k.drill, data.region.code, name(k.name))} data-testid={`kpi-link-${k.key}`}>
                  <Statistic value={k.value === null ? '—' : formatWan(k.value)} suffix={unitOf(k.unit)} />
                </Link>
              ) : (
                <Statistic value={k.value === null ? '—' : formatWan(k.value)} suffix={unitOf(k.unit)} />
              )}
              {k.target ? (
                <>
                  <Typography.Text type="secondary">
                    {t('dash.target')} {formatWan(k.target)} · {t('dash.completion')} {k.completion ?? '—'}%
                  </Typography.Text>
                  <Progress percent={Math.min(100, Number(k.completion ?? 0))} size="small" showInfo={false} />
                </>
              ) : (
                <Typography.Text type="secondary">{t('dash.noTarget')}</Typography.Text>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('dash.funnel')} size="small">
            {funnelOption && (
              <EChart option={funnelOption} onClick={(_, i) => navigate(stageLink(data.funnel[i]!.stage))} />
            )}
            <Space wrap>
              {data.funnel.map((f) => (
                <Link key={f.stage} to={stageLink(f.stage)}>
                  <Tag>
                    {name(f.label)} {f.count}
                  </Tag>
                </Link>
              ))}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title={t('dash.byRegion')}
            size="small"
            extra={
              mapKind && (
                <Space size="small">
                  {regionView === 'map' && (
                    <Segmented<MapMetric>
                      size="small"
                      aria-label={t('dash.map.metric')}
                      value={mapMetric}
                      onChange={setMapMetric}
                      options={[
                        { value: 'signed_investment', label: t('dash.signedInvestment') },
                        { value: 'funds', label: t('dash.fundsInPlace') },
                      ]}
                    />
                  )}
                  <Segmented<'map' | 'bar'>
                    size="small"
                    value={regionView}
                    onChange={setRegionView}
                    options={[
                      { value: 'map', label: t('dash.view.map') },
                      { value: 'bar', label: t('dash.view.bar') },
                    ]}
                  />
                </Space>
              )
            }
          >
            {regionView === 'map' && mapKind === 'areas' ? (
              <RegionChoropleth
                region={data.region.code}
                values={regionValues}
                valueName={mapMetric === 'funds' ? t('dash.fundsInPlace') : t('dash.signedInvestment')}
                formatValue={wan}
                describe={describeRegion}
                height={320}
                testId="region-map"
                onRegionClick={(f) =>
                  // The region itself when it is on the map, else the one region rolled up into it.
                  drillRegion((f.items.find((i) => i.code === f.feature) ?? f.items[0]!).row, mapMetric)
                }
                fallback={regionBar}
              />
            ) : regionView === 'map' && mapKind === 'seats' ? (
              <>
                <RegionPoints
                  region={data.region.code}
                  series={seatSeries}
                  describePoint={describeSeat}
                  onPointClick={(r) => drillRegion(r.row, mapMetric)}
                  highlight={[data.region.code]}
                  highlightLabels={false}
                  height={320}
                  testId="region-map"
                />
                {unseated.length > 0 && (
                  <Typography.Text type="secondary" data-testid="region-map-unseated">
                    {t('dash.map.unseated', {
                      names: unseated.map((r) => r.region.name).join(lang === 'en' ? ', ' : '、'),
                    })}
                  </Typography.Text>
                )}
              </>
            ) : (
              regionBar
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('dash.trend')} size="small">
            {trendOption && (
              <EChart
                option={trendOption}
                onClick={(month) =>
                  navigate(drillLink({ metric: 'signed', from: month, to: month }, data.region.code, month))
                }
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('dash.byChain')} size="small">
            <Table
              size="small"
              rowKey="chainId"
              pagination={false}
              dataSource={data.byChain}
              locale={{ emptyText: t('dash.none') }}
              columns={[
                {
                  title: t('dash.chain'),
                  dataIndex: 'name',
                  render: (n: string, c) => <Link to={`/chains/${c.chainId}`}>{n}</Link>,
                },
                {
                  title: t('dash.count'),
                  dataIndex: 'count',
                  align: 'right',
                  render: (n: number, c) => (
                    <Link
                      to={drillLink(
                        { metric: `chain:${c.chainId}`, from: 'current', to: 'current' },
                        data.region.code,
                        c.name,
                      )}
                    >
                      {n}
                    </Link>
                  ),
                },
                {
                  title: t('unit.wan'),
                  dataIndex: 'totalInvestmentWan',
                  align: 'right',
                  render: (v: string) => formatWan(v),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title={t('dash.major')} size="small">
            {projectList(data.major)}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('dash.escalated')} size="small">
            {projectList(data.escalated, (p) => {
              const e = data.escalated.find((x) => x.id === p.id)!;
              return e.threeOnesComplete ? (
                <Tag color="green">{t('dash.threeOnes')}</Tag>
              ) : (
                <Tag color="orange">{t('dash.threeOnesMissing')}</Tag>
              );
            })}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card
            title={
              <Link to={`/projects/negotiating?stalled=true&hostRegion=${data.region.code}`}>
                {t('dash.stalled')} {data.stalled.count}
              </Link>
            }
            size="small"
          >
            {projectList(data.stalled.items)}
          </Card>
          <Card size="small" style={{ marginTop: 16 }} title={t('dash.overdue')}>
            <Link to={`/projects/overdue?month=${data.overdueReports.month}`}>
              <Statistic value={data.overdueReports.overdue} suffix={t('dash.unit.count')} />
            </Link>
            <Typography.Text type="secondary">
              {t('dash.overdueText', {
                month: data.overdueReports.month,
                due: data.overdueReports.dueDate,
                owed: data.overdueReports.owed,
                submitted: data.overdueReports.submitted,
              })}
            </Typography.Text>
          </Card>
          <Card size="small" style={{ marginTop: 16 }} title={t('dash.overdueTickets')} data-testid="overdue-tickets">
            <Link to={`/services?tab=tickets&overdue=true&hostRegion=${data.region.code}`}>
              <Statistic value={data.overdueTickets.count} suffix={t('dash.unit.tickets')} />
            </Link>
            <Typography.Text type="secondary">{t('dash.overdueTicketsText')}</Typography.Text>
            <List
              size="small"
              dataSource={data.overdueTickets.items}
              locale={{ emptyText: t('dash.none') }}
              renderItem={(ticket) => (
                <List.Item>
                  <Link to={`/services?tab=tickets&projectId=${ticket.project.id}`}>{ticket.title}</Link>
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {ticket.department.name} · {t('dash.ticketDue', { due: ticket.dueDate })}
                  </Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
