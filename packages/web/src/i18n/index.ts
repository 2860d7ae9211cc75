import { type Messages, ru } from './ru.js';

// One language today; the choice lives here so a second one is a new file
// plus one line, not a change to every page.
export const t: Messages = ru;

export const locale = 'ru-RU';

export type { Messages };
