import { Col, Form, Input, InputNumber, Radio, Row, Select, TreeSelect } from 'antd';
import { useLang } from '../../i18n';
import { useRegionOptions } from '../../layout/RegionPicker';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { IndustryFields } from '../enterprises/IndustryFields';
import { SOURCE_CHANNELS, type ProjectListItem, type SourceChannel } from './types';
import { WAN_AMOUNT } from '../../../domain/money';

/** The form values of a project's editable facts (money as decimal strings in 万元 / 万美元). */
export interface ProjectFactValues {
  name: string;
  enterpriseIds: string[];
  industrySection?: string;
  industryDivision?: string;
  totalInvestmentWan?: string;
  foreignInvestmentUsdWan?: string;
  fixedAssetInvestmentWan?: string;
  landDemandMu?: string;
  jobs?: number;
  expectedTaxWan?: string;
  sourceChannel?: SourceChannel;
  hostRegionCode?: string;
  responsibleLeader?: string;
  confidentiality: 'normal' | 'confidential';
}

/** Form values → request body: empty optional amounts are left out (create) or cleared (edit). */
export function factsBody(values: ProjectFactValues, emptyAs: undefined | null) {
  const amount = (v: string | undefined) => (v && v.trim() ? v.trim() : emptyAs);
  return {
    name: values.name.trim(),
    enterpriseIds: values.enterpriseIds ?? [],
    industrySection: values.industrySection ?? emptyAs,
    industryDivision: values.industryDivision ?? emptyAs,
    totalInvestmentWan: amount(values.totalInvestmentWan),
    foreignInvestmentUsdWan: amount(values.foreignInvestmentUsdWan),
    fixedAssetInvestmentWan: amount(values.fixedAssetInvestmentWan),
    landDemandMu: amount(values.landDemandMu),
    jobs: values.jobs ?? emptyAs,
    expectedTaxWan: amount(values.expectedTaxWan),
    sourceChannel: values.sourceChannel,
    hostRegionCode: values.hostRegionCode,
    responsibleLeader: values.responsibleLeader?.trim() || emptyAs,
    confidentiality: values.confidentiality,
  };
}

/** A project's current facts as form values. */
export function factsValues(p: ProjectListItem): ProjectFactValues {
  const code = (ref: ProjectListItem['industrySection']) =>
    ref ? (typeof ref === 'string' ? ref : ref.code) : undefined;
  return {
    name: p.name,
    enterpriseIds: p.enterprises.map((e) => e.id),
    industrySection: code(p.industrySection),
    industryDivision: code(p.industryDivision),
    totalInvestmentWan: p.totalInvestmentWan ?? undefined,
    foreignInvestmentUsdWan: p.foreignInvestmentUsdWan ?? undefined,
    fixedAssetInvestmentWan: p.fixedAssetInvestmentWan ?? undefined,
    landDemandMu: p.landDemandMu ?? undefined,
    jobs: p.jobs ?? undefined,
    expectedTaxWan: p.expectedTaxWan ?? undefined,
    sourceChannel: p.sourceChannel ?? undefined,
    hostRegionCode: p.hostRegion?.code,
    responsibleLeader: p.responsibleLeader ?? undefined,
    confidentiality: p.confidentiality,
  };
}

/** The fields of a project's facts, shared by the "new project" modal and the project's 基本信息 tab. */
export function ProjectFields({ enterprises }: { enterprises?: { id: string; name: string }[] }) {
  const { t } = useLang();
  const { options: regionOptions } = useRegionOptions();
  const required = { required: true, message: t('common.required') };
  const amountRule = { pattern: WAN_AMOUNT, message: t('form.amountRule') };
  const amount = (
    name: keyof ProjectFactValues,
    label: string,
    unit: 'unit.wan' | 'unit.usdWan' | 'unit.mu',
    rules: ({ required: boolean; message: string } | { pattern: RegExp; message: string })[] = [amountRule],
  ) => (
    <Col xs={24} md={8}>
      <Form.Item name={name} label={label} rules={rules}>
        <Input inputMode="decimal" suffix={t(unit)} />
      </Form.Item>
    </Col>
  );
  return (
    <>
      <Form.Item name="name" label={t('project.name')} rules={[required]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="enterpriseIds" label={t('project.enterprises')}>
        <EnterpriseSelect current={enterprises} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="sourceChannel" label={t('project.sourceChannel')} rules={[required]}>
            <Select options={SOURCE_CHANNELS.map((c) => ({ value: c, label: t(`sourceChannel.${c}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="hostRegionCode" label={t('project.hostRegion')} rules={[required]}>
            <TreeSelect
              treeData={regionOptions}
              placeholder={t('units.regionPlaceholder')}
              showSearch={{ treeNodeFilterProp: 'title' }}
            />
          </Form.Item>
        </Col>
      </Row>
      <IndustryFields />
      <Row gutter={16}>
        {amount('totalInvestmentWan', t('project.totalInvestment'), 'unit.wan', [required, amountRule])}
        {amount('foreignInvestmentUsdWan', t('project.foreignInvestment'), 'unit.usdWan')}
        {amount('fixedAssetInvestmentWan', t('project.fixedAssetInvestment'), 'unit.wan')}
        {amount('landDemandMu', t('project.landDemand'), 'unit.mu')}
        <Col xs={24} md={8}>
          <Form.Item name="jobs" label={t('project.jobs')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {amount('expectedTaxWan', t('project.expectedTax'), 'unit.wan')}
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="responsibleLeader" label={t('project.responsibleLeader')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="confidentiality" label={t('project.confidentiality')}>
            <Radio.Group
              options={[
                { value: 'normal', label: t('project.normal') },
                { value: 'confidential', label: t('project.confidential') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
