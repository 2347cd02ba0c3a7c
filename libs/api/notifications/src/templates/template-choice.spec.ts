import { chooseTemplate } from './template-choice';

const platform = (locale: string) => ({ locale, organizationId: null, name: `platform ${locale}` });
const own = (locale: string) => ({ locale, organizationId: 7, name: `own ${locale}` });

describe('the template a recipient reads', () => {
  it.each([
    ['their language, the organization’s text first', [platform('en'), platform('de'), own('en'), own('de')], 'de', 'own de'],
    ['their language from the platform before the organization’s English', [platform('en'), platform('de'), own('en')], 'de', 'platform de'],
    ['the organization’s English when their language has no template', [platform('en'), platform('fr'), own('en')], 'de', 'own en'],
    ['the platform’s English last', [platform('en'), own('fr')], 'de', 'platform en'],
    ['English readers like anyone else', [platform('en'), own('en')], 'en', 'own en'],
  ])('%s', (_, candidates, locale, expected) => {
    expect(chooseTemplate(candidates, locale)?.name).toBe(expected);
  });

  it('answers nothing when not even English exists', () => {
    expect(chooseTemplate([platform('de')], 'fr')).toBeUndefined();
  });
});
