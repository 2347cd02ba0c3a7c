import { Button } from '@mui/material';
import { SaveButton, Toolbar, useCreatePath, useRecordContext, useResourceContext, useResourceDefinition } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { useLocation, useNavigate } from 'react-router-dom';

/**
 * Leaves the form without saving, back where the person came from: the list, the show page or the
 * page that opened the form. Opened by a link from outside (no page before it in the console), it
 * goes to the record's show page, or the list.
 */
const CancelButton = () => {
  const navigate = useNavigate();
  const location = useLocation();
  const createPath = useCreatePath();
  const resource = useResourceContext();
  const record = useRecordContext();
  const { hasShow } = useResourceDefinition();
  const { reset } = useFormContext();

  const cancel = () => {
    // Cancel is the decision to drop the changes: the unsaved-changes question would ask it again.
    reset();
    // react-router's first entry has the key "default": there is no console page to go back to.
    if (location.key !== 'default') navigate(-1);
    // A create form's record, when there is one, holds prefilled values and has no page of its own.
    else if (record?.id !== undefined && hasShow) navigate(createPath({ resource, id: record.id, type: 'show' }));
    else navigate(createPath({ resource, type: 'list' }));
  };

  return <Button onClick={cancel}>Cancel</Button>;
};

/**
 * A create form's actions, the first named for what it does (react-admin would say "Save"). Create
 * works on an untouched form too: a click shows what is missing at the fields themselves.
 */
export const CreateToolbar = () => (
  <Toolbar sx={{ gap: 1 }}>
    <SaveButton label="Create" alwaysEnable />
    <CancelButton />
  </Toolbar>
);

/**
 * An edit form's actions, without react-admin's Delete: what can be deleted asks for
 * confirmation on its show page and in its grid, and the rest (templates, rules, accounts)
 * is never deleted.
 */
export const EditToolbar = () => (
  <Toolbar sx={{ gap: 1 }}>
    <SaveButton />
    <CancelButton />
  </Toolbar>
);
