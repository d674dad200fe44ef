import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import type { ContractSignature } from '../../types.ts';
import { SIGNER_LABELS } from './contract-text.ts';

/** "Mara Marketing (marketing lead) and Sam Sales (sales manager)" */
export function signerNames(signatures: readonly ContractSignature[]): string {
  return signatures.map((s) => `${s.userName} (${SIGNER_LABELS[s.role].seat.toLowerCase()})`).join(' and ');
}

type Props = { signatures: readonly ContractSignature[]; opened: boolean; loading: boolean; onConfirm: () => void; onClose: () => void };

/** Asks before saving a change to a signed version of a co-signed document: saving voids the signatures. */
export function VoidSignaturesConfirm({ signatures, opened, loading, onConfirm, onClose }: Props) {
  return (
    <ConfirmModal opened={opened} title="Save and void the signatures?" confirmLabel="Save and void signatures" onConfirm={onConfirm} onClose={onClose} loading={loading}>
      This version was signed by {signerNames(signatures)}. Saving a change voids their signatures, and they will need to sign again.
    </ConfirmModal>
  );
}
