import { Checkbox, Form, InputNumber, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/client';
import type { RegionNode } from '../../api/types';
import { FormModal, useFormSave } from '../../components/FormModal';
import { useLang } from '../../i18n';

interface Values {
  // Named as the API names them, so the server's `body.seat.lng` error lands on its field.
  seat?: { lng?: number; lat?: number };
  clear: boolean;
}

/** Sets or clears where a region's government sits (its seat); the extent is China's, as the server checks. */
export function RegionSeatModal({ region, onClose }: { region: RegionNode | null; onClose: () => void }) {
  const { t, nameOf } = useLang();
  const [form] = Form.useForm<Values>();
  const clear = Form.useWatch('clear', form) ?? false;

  useEffect(() => {
    if (!region) return;
    form.resetFields();
    form.setFieldsValue({ seat: region.seat ?? undefined, clear: false });
  }, [region, form]);

  const save = useFormSave(form, {
    save: (v) =>
      api.patch<RegionNode>(`/api/regions/${region!.code}`, {
        seat: v.clear ? null : { lng: v.seat!.lng!, lat: v.seat!.lat! },
      }),
    invalidates: ['regions'],
    savedMessage: t('common.saved'),
    onClose,
  });

  const rules = (min: number, max: number, message: string) =>
    clear
      ? []
      : [
          { required: true, message: t('common.required') },
          { type: 'number' as const, min, max, message },
        ];
  const name = region ? nameOf(region) : '';

  return (
    <FormModal
      form={form}
      name="region-seat-form"
      title={t('regions.seatTitle', { region: name })}
      open={region !== null}
      onClose={onClose}
      onSubmit={(v) => save.mutate(v)}
      saving={save.isPending}
    >
      <Typography.Paragraph type="secondary">{t('regions.seatHint')}</Typography.Paragraph>
      <Space size="large" align="start">
        <Form.Item
          name={['seat', 'lng']}
          dependencies={['clear']}
          label={t('regions.lng')}
          rules={rules(73, 136, t('regions.lngRange'))}
        >
          <InputNumber disabled={clear} step={0.01} placeholder="125.53" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          name={['seat', 'lat']}
          dependencies={['clear']}
          label={t('regions.lat')}
          rules={rules(3, 54, t('regions.latRange'))}
        >
          <InputNumber disabled={clear} step={0.01} placeholder="42.68" style={{ width: 180 }} />
        </Form.Item>
      </Space>
      <Form.Item name="clear" valuePropName="checked">
        <Checkbox>{t('regions.clear')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
