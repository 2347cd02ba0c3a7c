import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { APPLICATION_EVENTS } from '@keyhouse/shared-contracts';
import { FieldRule, isId, MAX_ID, Omittable, Unchangeable } from '@keyhouse/api-platform';
import { IsIn } from 'class-validator';

/** The fields that rules' and templates' request bodies share. */

/** How the document describes an id (of the setting, of its organization). */
export const ID = { type: 'integer', minimum: 1, maximum: MAX_ID } as const;

/** The event a new setting is for: one of those that send mail. */
export const IsNotificationEvent = (): PropertyDecorator =>
  applyDecorators(
    IsIn(APPLICATION_EVENTS, { message: `Choose one of: ${APPLICATION_EVENTS.join(', ')}.` }),
    ApiProperty({ enum: APPLICATION_EVENTS, enumName: 'ApplicationEventType' }),
  );

const NOT_AS_LISTED = 'Send it back as listed, or leave it out.';

/**
 * A field that says which setting this is (its event, its organization...), which the console
 * sends back with an edit as it sends whole records: unchanged, since a setting is never moved.
 * Sent, it is of its kind (`isKind`) even where there is no stored setting to compare it with
 * (the preview).
 */
export const IdentifiesSetting = (documented: ApiPropertyOptions, isKind: (value: unknown) => boolean): PropertyDecorator =>
  applyDecorators(
    Unchangeable('This cannot be changed: customize the setting or revert it instead.'),
    Omittable(),
    FieldRule('isSettingIdentity', (value) => (isKind(value) ? undefined : NOT_AS_LISTED)),
    ApiPropertyOptional({ ...documented, description: 'As listed: sent back unchanged, or left out. A setting is customized or reverted, never moved.' }),
  );

/**
 * A field of the record as listed that the console sends back with an edit, which the edit
 * ignores; sent, it must still be what the list shows (`asListed`).
 */
const Listed = (documented: ApiPropertyOptions, asListed: (value: unknown) => boolean): PropertyDecorator =>
  applyDecorators(
    Omittable(),
    FieldRule('isAsListed', (value) => (asListed(value) ? undefined : NOT_AS_LISTED)),
    ApiPropertyOptional({ ...documented, description: 'As listed; ignored.' }),
  );

/** What an edit of a rule or a template may carry besides its changes: the rest of the setting as listed. */
export class ListedSetting {
  @Listed(ID, isId)
  id?: unknown;

  @IdentifiesSetting({ enum: APPLICATION_EVENTS, enumName: 'ApplicationEventType' }, (value) => (APPLICATION_EVENTS as readonly unknown[]).includes(value))
  event?: unknown;

  @IdentifiesSetting({ ...ID, nullable: true }, (value) => value === null || isId(value))
  organizationId?: unknown;

  @Listed({ type: String, nullable: true }, (value) => value === null || typeof value === 'string')
  organizationName?: unknown;

  @Listed({ type: String, example: '2026-11-23T10:00:00.000Z' }, (value) => typeof value === 'string')
  updatedAt?: unknown;
}
