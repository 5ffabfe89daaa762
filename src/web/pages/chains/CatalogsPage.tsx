import { Card, Collapse, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PageLoading } from '../../components/PageLoading';
import { useLang } from '../../i18n';
import { useCatalogs } from './hooks';

/** The five industry guidance catalogs, each entry with the clause it comes from. */
export default function CatalogsPage() {
  const { t, lang } = useLang();
  const { data, isLoading } = useCatalogs();
  if (isLoading) return <PageLoading />;
  const pick = (b: { zh: string; en: string }) => (lang === 'en' ? b.en : b.zh);
  return (
    <Card title={t('chains.catalogs.title')} extra={<Link to="/chains">{t('common.back')}</Link>}>
      <Typography.Paragraph type="secondary">{t('chains.catalogs.hint')}</Typography.Paragraph>
      <Collapse
        defaultActiveKey={data?.map((c) => c.id)}
        items={(data ?? []).map((c) => ({
          key: c.id,
          label: (
            <Space>
              <strong>{pick(c.name)}</strong>
              <Tag color="blue">{c.system}</Tag>
              <Typography.Text type="secondary">
                {c.region.name} · {c.document}
              </Typography.Text>
            </Space>
          ),
          children: (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {c.notes.map((n) => (
                <Typography.Paragraph key={n.source} type="secondary" style={{ marginBottom: 0 }}>
                  {pick(n)}（{n.source}）
                </Typography.Paragraph>
              ))}
              <Descriptions size="small" column={1} bordered>
                {c.groups.map((g) => (
                  <Descriptions.Item key={g.key} label={`${pick(g.name)}（${g.source}）`}>
                    <Space wrap>
                      {g.entries.map((e) => (
                        <Tag key={e.code} title={`${e.source} · GB/T 4754: ${e.divisions.join(', ')}`}>
                          {pick(e.name)}
                        </Tag>
                      ))}
                    </Space>
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Space>
          ),
        }))}
      />
    </Card>
  );
}
