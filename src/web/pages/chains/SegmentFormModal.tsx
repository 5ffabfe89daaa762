import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/client';
import { useShowError } from '../../api/useApiError';
import { useLang } from '../../i18n';
import { useChainMutation } from './hooks';
import { type Segment, SEGMENT_NEEDS, SEGMENT_POSITIONS, SEGMENT_PRIORITIES, SEGMENT_STRENGTHS } from './types';

interface Props {
  chainId: string;
  /** A segment to edit, or the parent (or null for a top segment) of a new one. */
  editing: { segment: Segment } | { parent: Segment | null } | null;
  onClose: () => void;
}

interface Values {
  name: string;
  position: Segment['position'];
  strength: Segment['strength'];
  need: Segment['need'];
  priority: Segment['priority'];
  industryDivisions: string[];
  keywords: string[];
  note: string | null;
}

/** Adds or edits a segment of a chain map: its place, strength, need and 必须招/可以招. */
export function SegmentFormModal({ chainId, editing, onClose }: Props) {
  const { t } = useLang();
  const [form] = Form.useForm<Values>();
  const showError = useShowError();
  const segment = editing && 'segment' in editing ? editing.segment : null;
  const parent = editing && 'parent' in editing ? editing.parent : null;

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(
      segment
        ? { ...segment }
        : {
            position: parent?.position ?? 'upstream',
            strength: 'missing',
            need: 'fill',
            priority: 'may',
            industryDivisions: parent?.industryDivisions ?? [],
            keywords: [],
            note: null,
          },
    );
  }, [editing, segment, parent, form]);

  const save = useChainMutation((values: Values) =>
    segment
      ? api.patch<Segment>(`/api/chain-segments/${segment.id}`, { ...values, version: segment.version })
      : api.post<Segment>(`/api/chains/${chainId}/segments`, { ...values, parentId: parent?.id ?? null }),
  );

  const options = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as never) }));

  return (
    <Modal
      open={Boolean(editing)}
      title={
        segment
          ? t('chains.segment.edit')
          : parent
            ? t('chains.segment.addChild', { name: parent.name })
            : t('chains.segment.add')
      }
      onCancel={onClose}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      onOk={() =>
        form.validateFields().then((values) => save.mutate(values, { onSuccess: onClose, onError: showError }))
      }
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="name"
          label={t('chains.segment.name')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="position" label={t('chains.segment.position')}>
          <Select options={options(SEGMENT_POSITIONS, 'chains.position')} />
        </Form.Item>
        <Form.Item name="strength" label={t('chains.segment.strength')}>
          <Select options={options(SEGMENT_STRENGTHS, 'chains.strength')} />
        </Form.Item>
        <Form.Item name="need" label={t('chains.segment.need')}>
          <Select allowClear options={options(SEGMENT_NEEDS, 'chains.need')} />
        </Form.Item>
        <Form.Item name="priority" label={t('chains.segment.priority')}>
          <Select options={options(SEGMENT_PRIORITIES, 'chains.priority')} />
        </Form.Item>
        <Form.Item
          name="industryDivisions"
          label={t('chains.segment.divisions')}
          extra={t('chains.segment.divisionsHint')}
        >
          <Select mode="tags" tokenSeparators={[',', ' ', '，']} />
        </Form.Item>
        <Form.Item name="keywords" label={t('chains.segment.keywords')} extra={t('chains.segment.keywordsHint')}>
          <Select mode="tags" tokenSeparators={[',', ' ', '，']} />
        </Form.Item>
        <Form.Item name="note" label={t('chains.segment.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
