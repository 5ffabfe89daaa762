import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Switch, TreeSelect } from 'antd';
import { useEffect } from 'react';
import { ApiError, api } from '../../api/client';
import { applyFieldErrors } from '../../api/forms';
import { UNIT_KINDS, type Unit, type UnitKind } from '../../api/types';
import { useShowError } from '../../api/useApiError';
import { useLang } from '../../i18n';
import { useRegionOptions } from '../../layout/RegionPicker';

interface Values {
  name: string;
  nameEn?: string;
  kind: UnitKind;
  regionCode: string;
  active: boolean;
}

interface Props {
  unit: Unit | null;
  open: boolean;
  defaultRegionCode: string;
  onClose: () => void;
}

/** Creates a unit (unit = null) or edits one; a unit's region is fixed once created. */
export function UnitFormModal({ unit, open, defaultRegionCode, onClose }: Props) {
  const { t, lang } = useLang();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const { options: regionOptions } = useRegionOptions();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      unit
        ? { name: unit.name, nameEn: unit.nameEn, kind: unit.kind, regionCode: unit.regionCode, active: unit.active }
        : { regionCode: defaultRegionCode },
    );
  }, [open, unit, form, defaultRegionCode]);

  const save = useMutation({
    mutationFn: (values: Values) =>
      unit
        ? api.patch<Unit>(`/api/units/${unit.id}`, {
            version: unit.version,
            name: values.name,
            nameEn: values.nameEn ?? '',
            kind: values.kind,
            active: values.active,
          })
        : api.post<Unit>('/api/units', {
            name: values.name,
            nameEn: values.nameEn || undefined,
            kind: values.kind,
            regionCode: values.regionCode,
          }),
    onSuccess: () => {
      void message.success(t(unit ? 'common.saved' : 'common.created'));
      void client.invalidateQueries({ queryKey: ['units'] });
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
      if (err instanceof ApiError && err.status === 409) void client.invalidateQueries({ queryKey: ['units'] });
    },
  });

  const required = { required: true, message: t('common.required') };

  return (
    <Modal
      title={t(unit ? 'units.edit' : 'units.create')}
      open={open}
      onOk={() =>
        void form.validateFields().then(
          (v) => save.mutate(v),
          () => undefined,
        )
      }
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" name="unit-form">
        <Form.Item name="name" label={t('units.name')} rules={[required]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('units.nameEn')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('units.kind')} rules={[required]}>
          <Select
            placeholder={t('units.kindPlaceholder')}
            options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="regionCode" label={t('units.region')} rules={[required]}>
          <TreeSelect
            disabled={unit !== null}
            treeData={regionOptions}
            placeholder={t('units.regionPlaceholder')}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={[defaultRegionCode]}
          />
        </Form.Item>
        {unit && (
          <Form.Item name="active" label={t('common.status')} valuePropName="checked">
            <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
