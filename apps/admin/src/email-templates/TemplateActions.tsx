import type { EmailTemplateDto } from '@keyhouse/shared-contracts';

import { AUDIENCE_LABELS, eventLabel } from '../common';
import { SettingActions, type SettingOrganization } from '../notification-settings';

/** The language every event has a platform template in: the fallback, which stays. */
const FALLBACK_LOCALE = 'en';

const describe = (template: EmailTemplateDto) =>
  `${template.locale} template of “${eventLabel(template.event)}” for the ${AUDIENCE_LABELS[template.audience].toLowerCase()}`;

/** An organization's own template starts as the platform's text. */
const toOverride = ({ event, audience, locale, subject, body }: EmailTemplateDto, organizationId: number) => ({
  event,
  audience,
  locale,
  organizationId,
  subject,
  body,
});

/** Customize, revert or (a platform translation) delete a template; see SettingActions. */
export const TemplateActions = ({ organizations, backToList }: { organizations?: SettingOrganization[]; backToList?: boolean }) => (
  <SettingActions<EmailTemplateDto>
    resource="email-templates"
    organizations={organizations}
    describe={describe}
    toOverride={toOverride}
    deletableDefault={(template) => template.locale !== FALLBACK_LOCALE}
    backToList={backToList}
  />
);
