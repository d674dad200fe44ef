import { useNavigate } from 'react-router';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { notifySuccess } from '../../../notify.ts';
import type { Member } from '../../../types.ts';
import { useCurrentWorkspace } from '../../workspaces/use-current-workspace.ts';
import { useRemoveMember } from './use-members.ts';

type Props = { member: Member | null; onClose: () => void };

export function RemoveMemberModal({ member, onClose }: Props) {
  const { user, workspace } = useCurrentWorkspace();
  const navigate = useNavigate();
  const remove = useRemoveMember();
  const isSelf = member?.userId === user.id;
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmModal
      opened={member !== null}
      onClose={close}
      title={isSelf ? 'Leave this workspace?' : `Remove ${member?.name ?? ''}?`}
      confirmLabel={isSelf ? 'Leave workspace' : 'Remove member'}
      loading={remove.isPending}
      error={remove.error}
      onConfirm={() => {
        if (!member) return;
        remove.mutate(member.userId, {
          onSuccess: () => {
            close();
            notifySuccess(isSelf ? `You left ${workspace.name}.` : `${member.name} was removed from ${workspace.name}.`);
            if (isSelf) void navigate('/workspaces');
          },
        });
      }}
    >
      {isSelf
        ? `You will lose access to ${workspace.name} straight away. An admin can invite you again later.`
        : `${member?.name ?? ''} (${member?.email ?? ''}) will lose access to ${workspace.name} straight away. Their account stays, and you can invite them again later.`}
    </ConfirmModal>
  );
}
