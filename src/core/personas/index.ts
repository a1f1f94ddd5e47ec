export * from './persona-record.ts';
export * from './builtin-personas.ts';
export { findPersona, parsePersonaRequest } from './persona-request.ts';
export { PersonaToolRegistry } from './persona-tools.ts';
export { audienceAgesOf, CHILD_AUDIENCE_AGES, mediaAudienceOf } from './media-audience.ts';
