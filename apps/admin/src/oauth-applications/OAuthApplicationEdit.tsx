import { Edit, SimpleForm } from 'react-admin';

import { EditToolbar } from '../common';
import { toUpdateInput } from './applicationForm';
import { FORM_WIDTH, OAuthApplicationInputs } from './OAuthApplicationInputs';

export const OAuthApplicationEdit = () => (
  // Pessimistic: the API's validation messages must reach the fields, which an undoable save cannot do.
  <Edit mutationMode="pessimistic" transform={toUpdateInput} redirect="show">
    <SimpleForm sx={FORM_WIDTH} toolbar={<EditToolbar />} warnWhenUnsavedChanges>
      <OAuthApplicationInputs />
    </SimpleForm>
  </Edit>
);
