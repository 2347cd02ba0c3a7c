export { CheckboxInput } from './CheckboxInput';
export { ListEmpty } from './ListEmpty';
export { useOrganizationIds } from './useOrganizationIds';
