import { Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/client';
import { FormModal, useFormSave } from '../../components/FormModal';
import { useLang } from '../../i18n';
import { useLabel } from '../activities/hooks';
import { usePartnerCatalog } from './hooks';
import type { Partner, PartnerKind, PartnerStatus } from './types';

interface Values {
  kind: PartnerKind;
  name: string;
  contactPerson?: string;
  phone?: string;
  email?: string;
  country: string;
  location?: string;
  focusIndustries?: string[];
  status: PartnerStatus;
  note?: string;
}

export function PartnerFormModal({ editing, onClose }: { editing: Partner | 'new' | null; onClose: () => void }) {
  const { t } = useLang();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const { data: catalog } = usePartnerCatalog();
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing === 'new')
      form.setFieldsValue({ kind: 'chamber', country: 'CN', status: 'active', focusIndustries: [] });
    else
      form.setFieldsValue({
        kind: editing.kind,
        name: editing.name,
        contactPerson: editing.contactPerson ?? undefined,
        phone: editing.phone ?? undefined,
        email: editing.email ?? undefined,
        country: editing.country,
        location: editing.location ?? undefined,
        focusIndustries: editing.focusIndustries,
        status: editing.status,
        note: editing.note ?? undefined,
      });
  }, [editing, form]);
  const save = useFormSave(form, {
    save: (v) => {
      const body = {
        kind: v.kind,
        name: v.name,
        contactPerson: v.contactPerson?.trim() || null,
        phone: v.phone?.trim() || null,
        email: v.email?.trim() || null,
        country: v.country,
        location: v.location?.trim() || null,
        focusIndustries: v.focusIndustries ?? [],
        status: v.status,
        note: v.note?.trim() || null,
      };
      return editing && editing !== 'new'
        ? api.patch(`/api/partners/${editing.id}`, { ...body, version: editing.version })
        : api.post('/api/partners', body);
    },
    invalidates: ['partners'],
    savedMessage: t('partners.saved'),
    onClose,
  });
  const required = { required: true, message: t('common.required') };
  return (
    <FormModal
      form={form}
      name="partner-form"
      title={editing === 'new' ? t('partners.new') : t('partners.edit')}
      open={editing !== null}
      onClose={onClose}
      onSubmit={(v) => save.mutate(v)}
      saving={save.isPending}
    >
      <Form.Item name="kind" label={t('partners.kind')} rules={[required]}>
        <Select options={(catalog?.kinds ?? []).map((k) => ({ value: k.value, label: label(k.label) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('partners.name')} rules={[required]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="contactPerson" label={t('partners.contact')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="phone" label={t('partners.phone')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="email" label={t('partners.email')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="country" label={t('partners.country')} rules={[required]}>
        <Input maxLength={2} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="location" label={t('partners.location')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="focusIndustries" label={t('partners.focus')} extra={t('partners.focusHint')}>
        <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
      </Form.Item>
      <Form.Item name="status" label={t('partners.status')} rules={[required]}>
        <Select options={(catalog?.statuses ?? []).map((s) => ({ value: s.value, label: label(s.label) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('partners.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
