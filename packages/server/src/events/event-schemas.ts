import { Type } from '@sinclair/typebox';

const text = (description: string) => Type.Optional(Type.String({ description }));

/** An event call as the portal posts it (form-encoded, PHP-style names). */
export const EventBodySchema = Type.Object(
  {
    event: text('e.g. ONCRMDEALUPDATE'),
    event_handler_id: text('The binding that fired'),
    'data[FIELDS][ID]': text('The changed record; the only data AudioBot uses'),
    ts: text('When the portal sent it (Unix seconds)'),
    'auth[member_id]': text('Portal id'),
    'auth[application_token]': text('Must equal the token stored at install (secret)'),
  },
  { additionalProperties: true },
);

export const EventAcceptedSchema = Type.Object({
  accepted: Type.Literal(true),
  /** The record queued for a refresh; null for an event AudioBot does not act on. */
  refresh: Type.Union([
    Type.Object({
      kind: Type.Union([
        Type.Literal('deal'),
        Type.Literal('company'),
        Type.Literal('contact'),
        Type.Literal('user'),
      ]),
      id: Type.Integer(),
    }),
    Type.Null(),
  ]),
});
