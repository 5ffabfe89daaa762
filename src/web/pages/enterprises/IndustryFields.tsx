import { Form, Select } from 'antd';
import { useLang } from '../../i18n';
import { useIndustries } from './hooks';

/**
 * The GB/T 4754 section (门类) and division (大类) pickers of a form, as fields `industrySection`
 * and `industryDivision`; the division list follows the chosen section.
 */
export function IndustryFields() {
  const { t, lang } = useLang();
  const { data } = useIndustries();
  const form = Form.useFormInstance();
  const section = Form.useWatch<string | undefined>('industrySection', form);
  const sections = data?.sections ?? [];
  const divisions = (section ? sections.filter((s) => s.code === section) : sections).flatMap((s) => s.divisions);
  const label = (x: { code: string; zh: string; en: string }) => `${x.code} ${lang === 'en' ? x.en : x.zh}`;
  return (
    <>
      <Form.Item name="industrySection" label={t('industry.section')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('industry.sectionPlaceholder')}
          options={sections.map((s) => ({ value: s.code, label: label(s) }))}
          onChange={() => form.setFieldValue('industryDivision', undefined)}
        />
      </Form.Item>
      <Form.Item name="industryDivision" label={t('industry.division')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('industry.divisionPlaceholder')}
          options={divisions.map((d) => ({ value: d.code, label: label(d) }))}
        />
      </Form.Item>
    </>
  );
}
