import { ImportModal } from '../../components/ImportModal';

/** Excel import of one kind of library item: all or nothing, each bad cell listed by row and column. */
export function FactorImportModal({
  kind,
  open,
  onClose,
}: {
  kind: 'parcels' | 'buildings' | 'funds';
  open: boolean;
  onClose: () => void;
}) {
  return (
    <ImportModal
      open={open}
      onClose={onClose}
      title="factors.import"
      uploadPath={`/api/factors/excel/${kind}/import`}
      templatePath={`/api/factors/excel/${kind}/import-template`}
      importedMessage="factors.imported"
      invalidates={['factors']}
    />
  );
}
