import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';

import { toUpdateInput } from './applicationForm';
import { FORM_WIDTH, OAuthApplicationInputs } from './OAuthApplicationInputs';

// Deleting has its confirmation on the show page and in the grid, not here.
const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const OAuthApplicationEdit = () => (
  // Pessimistic: the API's validation messages must reach the fields, which an undoable save cannot do.
  <Edit mutationMode="pessimistic" transform={toUpdateInput} redirect="show">
    <SimpleForm sx={FORM_WIDTH} toolbar={<EditToolbar />}>
      <OAuthApplicationInputs />
    </SimpleForm>
  </Edit>
);
