import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { fieldErrorsOf } from '../../api.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { notifyError, notifySuccess } from '../../notify.ts';
import type { SavedView } from '../../types.ts';
import { readFilter, sameFilter, type LeadFilterValues } from './lead-filter.ts';
import { useDeleteView, useSavedViews, useSaveView } from './use-leads.ts';

type Props = { filter: LeadFilterValues; onApply: (filter: LeadFilterValues) => void };

/** Your saved views of the leads list: pick one, save the current filters under a name, delete one. */
export function SavedViewsBar({ filter, onApply }: Props) {
  const views = useSavedViews();
  const save = useSaveView();
  const remove = useDeleteView();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const list = views.data ?? [];
  const current = list.find((view) => sameFilter(readFilter(view.filter), filter)) ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError('Give the view a name');
      return;
    }
    save.mutate(
      { name: trimmed, filter },
      {
        onSuccess: () => {
          notifySuccess(`The view “${trimmed}” was saved.`);
          setName('');
          setNameError(null);
        },
        onError: (error) => {
          const fields = fieldErrorsOf(error);
          if (fields.name) setNameError(fields.name);
          else notifyError('The view was not saved', error);
        },
      },
    );
  };

  const closeDelete = () => {
    remove.reset();
    setDeleting(null);
  };

  return (
    <Group gap="sm" align="flex-end" justify="space-between" wrap="wrap">
      <Group gap="xs" align="flex-end" wrap="nowrap" style={{ flex: '1 1 260px' }}>
        <Select
          label="Saved view"
          placeholder={list.length > 0 ? 'Choose a saved view' : 'No saved views yet'}
          data={list.map((view) => ({ value: view.id, label: view.name }))}
          value={current?.id ?? null}
          onChange={(id) => {
            const view = list.find((v) => v.id === id);
            if (view) onApply(readFilter(view.filter));
          }}
          disabled={list.length === 0}
          allowDeselect={false}
          searchable
          style={{ flex: 1, maxWidth: 300 }}
        />
        {current && (
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={() => setDeleting(current)}
            aria-label={`Delete saved view ${current.name}`}
          >
            Delete
          </Button>
        )}
      </Group>
      <form onSubmit={submit} noValidate style={{ flex: '1 1 320px', maxWidth: 460 }}>
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            label="View name"
            placeholder="e.g. Paid search MQLs"
            value={name}
            maxLength={80}
            error={nameError}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setNameError(null);
            }}
            style={{ flex: 1 }}
          />
          <Button type="submit" variant="light" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending} mt={25}>
            Save view
          </Button>
        </Group>
      </form>
      <ConfirmModal
        opened={deleting !== null}
        onClose={closeDelete}
        title="Delete saved view?"
        confirmLabel="Delete view"
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifySuccess(`The view “${deleting.name}” was deleted.`);
              closeDelete();
            },
          });
        }}
      >
        The saved view “{deleting?.name}” will be removed from your list. The leads themselves do not change.
      </ConfirmModal>
    </Group>
  );
}
