import { SaveButton, Toolbar } from 'react-admin';

/** A create form's one action, named for what it does (react-admin would say "Save"). */
export const CreateToolbar = () => (
  <Toolbar>
    <SaveButton label="Create" />
  </Toolbar>
);

/**
 * An edit form's one action, without react-admin's Delete: what can be deleted asks for
 * confirmation on its show page and in its grid, and the rest (templates, rules, accounts)
 * is never deleted.
 */
export const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);
