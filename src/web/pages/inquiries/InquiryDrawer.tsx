import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useSignedInUser } from '../../app/auth';
import { useLang } from '../../i18n';
import { can } from '../../../domain/permissions';
import { formatWan } from '../projects/labels';
import { AcceptModal, DeclineModal } from './DecisionModals';
import { InquiryStatusTag } from './labels';
import type { Inquiry } from './types';

/** The whole inquiry, and (for those who may decide) 受理并立项 / 婉拒 while it is new. */
export function InquiryDrawer({
  id,
  initial,
  onClose,
}: {
  id: string | null;
  initial: Inquiry | undefined;
  onClose: () => void;
}) {
  const { t, nameOf } = useLang();
  const me = useSignedInUser();
  const [deciding, setDeciding] = useState<'accept' | 'decline' | null>(null);
  const { data: inquiry } = useQuery({
    queryKey: ['inquiries', 'one', id],
    queryFn: () => api.get<Inquiry>(`/api/inquiries/${id}`),
    enabled: id !== null,
    placeholderData: initial,
  });
  const canDecide = can(me.role, 'inquiry.decide') && inquiry?.status === 'new';
  const time = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={inquiry ? `${inquiry.reference} · ${inquiry.company}` : t('inquiries.title')}
      extra={
        canDecide && (
          <Space>
            <Button onClick={() => setDeciding('decline')}>{t('inquiries.decline')}</Button>
            <Button type="primary" onClick={() => setDeciding('accept')}>
              {t('inquiries.accept')}
            </Button>
          </Space>
        )
      }
    >
      {inquiry && (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('inquiries.reference')}>{inquiry.reference}</Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>
              <InquiryStatusTag status={inquiry.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('inquiries.company')} span={2}>
              {inquiry.company}
            </Descriptions.Item>
            <Descriptions.Item label={t('inquiries.contactName')}>{inquiry.contactName}</Descriptions.Item>
            <Descriptions.Item label={t('inquiries.phone')}>{inquiry.phone}</Descriptions.Item>
            <Descriptions.Item label={t('inquiries.email')} span={2}>
              {inquiry.email ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('inquiries.region')}>{nameOf(inquiry.region)}</Descriptions.Item>
            <Descriptions.Item label={t('inquiries.industry')}>{inquiry.industry ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('inquiries.investmentWan')}>
              {formatWan(inquiry.investmentWan)}
            </Descriptions.Item>
            <Descriptions.Item label={t('inquiries.landMu')}>{inquiry.landMu ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('inquiries.item')} span={2}>
              {inquiry.item
                ? `${t(`portal.supply.kind.${inquiry.item.kind}`)} ${inquiry.item.code} · ${inquiry.item.name}`
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('inquiries.receivedAt')} span={2}>
              {time(inquiry.receivedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('inquiries.message')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="inquiry-message">
                {inquiry.message}
              </Typography.Paragraph>
            </Descriptions.Item>
            {inquiry.decidedAt && (
              <Descriptions.Item label={t('inquiries.decided')} span={2}>
                {time(inquiry.decidedAt)}
                {inquiry.decidedBy && ` · ${inquiry.decidedBy.name}`}
              </Descriptions.Item>
            )}
            {inquiry.declineReason && (
              <Descriptions.Item label={t('inquiries.declineReason')} span={2}>
                {inquiry.declineReason}
              </Descriptions.Item>
            )}
            {inquiry.project && (
              <Descriptions.Item label={t('inquiries.project')} span={2}>
                <Link to={`/projects/${inquiry.project.id}`}>
                  {inquiry.project.code} {inquiry.project.name}
                </Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          <AcceptModal inquiry={deciding === 'accept' ? inquiry : null} onClose={() => setDeciding(null)} />
          <DeclineModal inquiry={deciding === 'decline' ? inquiry : null} onClose={() => setDeciding(null)} />
        </>
      )}
    </Drawer>
  );
}
