import { Empty, Tag, Timeline } from 'antd';
import dayjs from 'dayjs';
import { useLang } from '../../i18n';
import type { Project } from './types';

interface Event {
  key: string;
  at: string;
  color: string;
  content: React.ReactNode;
}

/** 时间线: stage changes and monthly reports in the order they happened, newest first. */
export function TimelineTab({ project }: { project: Project }) {
  const { t } = useLang();
  const events: Event[] = [
    ...project.transitions.map((tr) => ({
      key: `t-${tr.id}`,
      at: tr.at,
      color: tr.to === 'terminated' ? 'red' : tr.direction === 'backward' ? 'orange' : 'blue',
      content: (
        <>
          <strong>
            {tr.from
              ? t('timeline.moved', { from: t(`stage.${tr.from}`), to: t(`stage.${tr.to}`) })
              : t('timeline.created', { stage: t(`stage.${tr.to}`) })}
          </strong>{' '}
          <Tag>{t(`direction.${tr.direction}`)}</Tag>
          <div>
            {tr.actor?.displayName ?? ''}
            {tr.reason ? ` · ${t('gate.reason')}：${tr.reason}` : ''}
          </div>
        </>
      ),
    })),
    ...project.reports.map((r) => ({
      key: `r-${r.id}`,
      at: r.submittedAt,
      color: r.substantiveProgress ? 'green' : 'gray',
      content: (
        <>
          <strong>{t('timeline.report', { month: r.month, version: r.version })}</strong>
          {r.late && (
            <Tag color="red" style={{ marginLeft: 8 }}>
              {t('report.late')}
            </Tag>
          )}
          <div style={{ whiteSpace: 'pre-wrap' }}>{r.text}</div>
          <div>{r.submittedBy?.displayName ?? ''}</div>
        </>
      ),
    })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));

  if (events.length === 0) return <Empty description={t('timeline.empty')} />;
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.key,
        color: e.color,
        title: dayjs(e.at).format('YYYY-MM-DD HH:mm'),
        content: e.content,
      }))}
    />
  );
}
