import { Tag } from 'antd';
import { useT } from '../../i18n';
import { STAGE_COLORS, type Stage } from './types';

export function StageTag({ stage }: { stage: Stage }) {
  const t = useT();
  return <Tag color={STAGE_COLORS[stage]}>{t(`stage.${stage}`)}</Tag>;
}
