// The UI kit's own texts (pagination, menus, dialogs) in the app's language.
// Kept apart from index.ts because the kit's locale module needs a browser build.
export { ru as kitLocale } from '@bitrix24/b24ui-nuxt/locale';
