import { Tag } from 'antd';
import { useLang } from '../../i18n';
import type { FactorStatus, Fit } from './types';

const STATUS_COLOURS: Record<FactorStatus, string> = { available: 'green', reserved: 'orange', used: 'default' };

export function StatusTag({ status }: { status: FactorStatus }) {
  const { t } = useLang();
  return <Tag color={STATUS_COLOURS[status]}>{t(`factors.status.${status}`)}</Tag>;
}

const FIT_COLOURS: Record<Fit, string> = { fit: 'green', partial: 'gold', misfit: 'red', neutral: 'default' };

/** One part of a match score: points out of the maximum, coloured by fit, with its reason. */
export function FitTag({ fit, points, max, text }: { fit: Fit; points: number; max: number; text: string }) {
  const { t } = useLang();
  return (
    <Tag color={FIT_COLOURS[fit]} style={{ whiteSpace: 'normal', marginBottom: 4 }} data-fit={fit}>
      {t(`factors.fit.${fit}`)} {points}/{max} · {text}
    </Tag>
  );
}
