export { CheckboxInput } from './CheckboxInput';
export { EmailPreviewFrame } from './EmailPreviewFrame';
export { EventField } from './EventField';
export { LINE_ACTIONS_VISIBLE } from './lineActionsVisible';
export { ListEmpty } from './ListEmpty';
export { NewPasswordInput } from './NewPasswordInput';
export { Section } from './Section';
export { AUDIENCE_LABELS, EVENT_CHOICES, eventLabel } from './notificationLabels';
export { useOrganizationIds } from './useOrganizationIds';
