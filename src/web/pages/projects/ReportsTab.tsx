import { FormOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSignedInUser } from '../../app/auth';
import { useLang } from '../../i18n';
import { useMoney } from './labels';
import { canSubmitReport } from './permissions';
import { ReportFormModal } from './ReportFormModal';
import type { ProgressReport, Project } from './types';

/** 进展月报: every version of every month's report, newest month first. */
export function ReportsTab({ project }: { project: Project }) {
  const { t } = useLang();
  const me = useSignedInUser();
  const money = useMoney();
  const [filing, setFiling] = useState(false);
  const reports = [...project.reports].sort((a, b) =>
    a.month === b.month ? b.version - a.version : a.month < b.month ? 1 : -1,
  );
  return (
    <>
      {canSubmitReport(me.role) && (
        <div className="zs-toolbar">
          <Button type="primary" icon={<FormOutlined />} onClick={() => setFiling(true)}>
            {t('report.file')}
          </Button>
        </div>
      )}
      <Table<ProgressReport>
        rowKey="id"
        size="small"
        dataSource={reports}
        pagination={{ pageSize: 12 }}
        rowClassName={(r) => (r.isCurrent ? '' : 'zs-row-superseded')}
        columns={[
          { title: t('report.month'), dataIndex: 'month', width: 90 },
          {
            title: t('report.version'),
            width: 110,
            render: (_, r) => (
              <>
                v{r.version}{' '}
                {r.isCurrent ? <Tag color="green">{t('report.current')}</Tag> : <Tag>{t('report.superseded')}</Tag>}
              </>
            ),
          },
          {
            title: t('report.text'),
            dataIndex: 'text',
            render: (text: string, r) => (
              <>
                <div style={{ whiteSpace: 'pre-wrap' }}>{text}</div>
                {r.problems && (
                  <Typography.Text type="warning">
                    {t('report.problems')}：{r.problems}
                  </Typography.Text>
                )}
                {r.correctionReason && (
                  <div>
                    <Typography.Text type="secondary">
                      {t('report.correctionReason')}：{r.correctionReason}
                    </Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          {
            title: t('report.substantive'),
            dataIndex: 'substantiveProgress',
            width: 100,
            render: (v: boolean) => (v ? <Tag color="blue">{t('common.yes')}</Tag> : t('common.no')),
          },
          {
            title: t('report.funds'),
            dataIndex: 'fundsInPlaceWan',
            width: 130,
            align: 'right',
            render: (v: string | null) => money(v),
          },
          {
            title: t('report.submittedBy'),
            width: 200,
            render: (_, r) => (
              <>
                {r.submittedBy?.displayName ?? '—'}
                <div>
                  <Typography.Text type="secondary">{dayjs(r.submittedAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>{' '}
                  {r.late && <Tag color="red">{t('report.late')}</Tag>}
                </div>
              </>
            ),
          },
        ]}
      />
      <ReportFormModal project={project} open={filing} onClose={() => setFiling(false)} />
    </>
  );
}
