import { Tag } from 'antd';
import { useLang } from '../../i18n';
import type { InquiryStatus } from './types';

const STATUS_COLOURS: Record<InquiryStatus, string> = { new: 'blue', accepted: 'green', declined: 'default' };

export function InquiryStatusTag({ status }: { status: InquiryStatus }) {
  const { t } = useLang();
  return <Tag color={STATUS_COLOURS[status]}>{t(`inquiries.status.${status}`)}</Tag>;
}
