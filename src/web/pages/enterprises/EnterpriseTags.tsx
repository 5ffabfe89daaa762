import { Tag } from 'antd';
import { useT } from '../../i18n';
import { TAG_COLORS, type EnterpriseTag } from './types';

/** An enterprise's tags as coloured labels in the chosen language. */
export function EnterpriseTags({ tags }: { tags: readonly EnterpriseTag[] }) {
  const t = useT();
  return (
    <>
      {tags.map((tag) => (
        <Tag key={tag} color={TAG_COLORS[tag]}>
          {t(`enterpriseTag.${tag}`)}
        </Tag>
      ))}
    </>
  );
}
