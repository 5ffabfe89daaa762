import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { api } from '../../api/client';
import { FormModal, useFormSave } from '../../components/FormModal';
import { useLang } from '../../i18n';
import { useActivityCatalog, useLabel } from './hooks';
import type { Activity, ActivityKind } from './types';

interface Values {
  kind: ActivityKind;
  title: string;
  startDate: Dayjs;
  endDate?: Dayjs;
  destination?: string;
  leaderName?: string;
  participants?: string[];
  targetProjects?: number | null;
  targetAmountWan?: string;
  targetLeads?: number | null;
  leadsCount?: number | null;
  note?: string;
}

/** 登记 / 编辑 an activity or trip; the server checks the rules (leader, destination, expo targets). */
export function ActivityFormModal({ editing, onClose }: { editing: Activity | 'new' | null; onClose: () => void }) {
  const { t } = useLang();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const { data: catalog } = useActivityCatalog();
  const kind = Form.useWatch('kind', form);
  const online = catalog?.kinds.find((k) => k.value === kind)?.online ?? false;

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing === 'new') {
      form.setFieldsValue({ kind: 'trip', startDate: dayjs(), participants: [], leadsCount: 0 });
    } else {
      form.setFieldsValue({
        kind: editing.kind,
        title: editing.title,
        startDate: dayjs(editing.startDate),
        endDate: dayjs(editing.endDate),
        destination: editing.destination ?? undefined,
        leaderName: editing.leaderName ?? undefined,
        participants: editing.participants,
        targetProjects: editing.targets.projects,
        targetAmountWan: editing.targets.amountWan ?? undefined,
        targetLeads: editing.targets.leads,
        leadsCount: editing.results.leads,
        note: editing.note ?? undefined,
      });
    }
  }, [editing, form]);

  const save = useFormSave(form, {
    save: (v) => {
      const body = {
        kind: v.kind,
        title: v.title,
        startDate: v.startDate.format('YYYY-MM-DD'),
        endDate: (v.endDate ?? v.startDate).format('YYYY-MM-DD'),
        destination: v.destination?.trim() || null,
        leaderName: v.leaderName?.trim() || null,
        participants: v.participants ?? [],
        targetProjects: v.targetProjects ?? null,
        targetAmountWan: v.targetAmountWan?.trim() || null,
        targetLeads: v.targetLeads ?? null,
        leadsCount: v.leadsCount ?? 0,
        note: v.note?.trim() || null,
      };
      return editing && editing !== 'new'
        ? api.patch(`/api/activities/${editing.id}`, { ...body, version: editing.version })
        : api.post('/api/activities', body);
    },
    invalidates: ['activities'],
    savedMessage: t('act.saved'),
    onClose,
  });
  const required = { required: true, message: t('common.required') };
  return (
    <FormModal
      form={form}
      name="activity-form"
      title={editing === 'new' ? t('act.new') : t('act.edit')}
      open={editing !== null}
      onClose={onClose}
      onSubmit={(v) => save.mutate(v)}
      saving={save.isPending}
      width={640}
    >
      <Form.Item name="kind" label={t('act.kind')} rules={[required]}>
        <Select options={(catalog?.kinds ?? []).map((k) => ({ value: k.value, label: label(k.label) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('act.titleField')} rules={[required]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="startDate" label={t('act.startDate')} rules={[required]}>
        <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item name="endDate" label={t('act.endDate')}>
        <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
      </Form.Item>
      {!online && (
        <Form.Item name="destination" label={t('act.destination')}>
          <Input maxLength={200} />
        </Form.Item>
      )}
      <Form.Item name="leaderName" label={t('act.leader')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="participants" label={t('act.participants')} extra={t('act.participantsHint')}>
        <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
      </Form.Item>
      <Form.Item name="targetProjects" label={t('act.targetProjects')}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="targetAmountWan" label={t('act.targetAmountWan')}>
        <Input inputMode="decimal" />
      </Form.Item>
      <Form.Item name="targetLeads" label={t('act.targetLeads')}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="leadsCount" label={t('act.leadsCount')}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('act.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
