import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Form, Input, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { api } from '../../api/client';
import { useShowError } from '../../api/useApiError';
import { useSignedInUser } from '../../app/auth';
import { mayDo } from '../../app/permissions';
import { useLang } from '../../i18n';
import type { Ticket } from './types';

/** One ticket: its facts, progress notes, supervision notices, and the forms to add a note or close it. */
export function TicketDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useLang();
  const me = useSignedInUser();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [noteForm] = Form.useForm<{ text: string }>();
  const [closeForm] = Form.useForm<{ resolution: string }>();
  const { data: ticket, isPending } = useQuery({
    queryKey: ['services', 'ticket', id],
    queryFn: () => api.get<Ticket>(`/api/services/tickets/${id}`),
    enabled: id !== null,
  });
  const refresh = () => void client.invalidateQueries({ queryKey: ['services'] });
  const addNote = useMutation({
    mutationFn: (text: string) => api.post(`/api/services/tickets/${id}/notes`, { text }),
    onSuccess: () => {
      noteForm.resetFields();
      refresh();
    },
    onError: showError,
  });
  const close = useMutation({
    mutationFn: (resolution: string) =>
      api.post(`/api/services/tickets/${id}/close`, { version: ticket!.version, resolution }),
    onSuccess: () => {
      closeForm.resetFields();
      void message.success(t('services.ticket.closedMessage'));
      refresh();
    },
    onError: showError,
  });
  const canWrite = mayDo(me, 'project.write');
  return (
    <Drawer title={ticket?.title ?? t('services.ticket.detail')} open={id !== null} onClose={onClose} size="large">
      {isPending || !ticket ? (
        <Skeleton active />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('services.project')}>
              {ticket.project.name}（{ticket.project.code}）
            </Descriptions.Item>
            <Descriptions.Item label={t('services.ticket.department')}>{ticket.department.name}</Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>
              <span data-testid="ticket-status">
                {ticket.status === 'open' ? t('services.ticket.open') : t('services.ticket.closed')}
              </span>
              {ticket.overdue && (
                <Tag color="red" style={{ marginLeft: 8 }}>
                  {t('services.ticket.overdue')}
                </Tag>
              )}
              {ticket.escalatedOn && <Tag color="volcano">{t('services.ticket.escalated')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('services.ticket.openedOn')}>{ticket.openedOn}</Descriptions.Item>
            <Descriptions.Item label={t('services.ticket.dueDate')}>{ticket.dueDate}</Descriptions.Item>
            {ticket.closedOn && (
              <Descriptions.Item label={t('services.ticket.closedOn')}>{ticket.closedOn}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('services.ticket.description')}>{ticket.description || '—'}</Descriptions.Item>
            {ticket.resolution && (
              <Descriptions.Item label={t('services.ticket.resolution')}>{ticket.resolution}</Descriptions.Item>
            )}
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('services.ticket.notes')}</Typography.Title>
            {ticket.notes.length === 0 ? (
              <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
            ) : (
              <Timeline
                items={ticket.notes.map((n) => ({
                  children: (
                    <>
                      <div>{n.text}</div>
                      <Typography.Text type="secondary">
                        {n.author?.displayName ?? '—'} · {new Date(n.at).toLocaleString()}
                      </Typography.Text>
                    </>
                  ),
                }))}
              />
            )}
          </div>
          {ticket.notices.length > 0 && (
            <div>
              <Typography.Title level={5}>{t('services.notice.title')}</Typography.Title>
              {ticket.notices.map((n) => (
                <Typography.Paragraph key={n.id}>
                  {n.issuedOn} → {n.leadUnit.name}：{n.text}
                </Typography.Paragraph>
              ))}
            </div>
          )}
          {canWrite && ticket.status === 'open' && (
            <>
              <Form
                form={noteForm}
                layout="vertical"
                name="ticket-note"
                onFinish={(v) => addNote.mutate(v.text.trim())}
              >
                <Form.Item
                  name="text"
                  label={t('services.ticket.addNote')}
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <Input.TextArea rows={2} maxLength={5000} />
                </Form.Item>
                <Button htmlType="submit" loading={addNote.isPending}>
                  {t('services.ticket.addNote')}
                </Button>
              </Form>
              <Form
                form={closeForm}
                layout="vertical"
                name="ticket-close"
                onFinish={(v) => close.mutate(v.resolution.trim())}
              >
                <Form.Item
                  name="resolution"
                  label={t('services.ticket.resolution')}
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <Input.TextArea rows={2} maxLength={5000} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={close.isPending}>
                  {t('services.ticket.close')}
                </Button>
              </Form>
            </>
          )}
        </Space>
      )}
    </Drawer>
  );
}
