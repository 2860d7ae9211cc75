// The kit's components the templates use, typed for vue-tsc. The kit's Vite plugin
// imports them on demand; its own generated declaration file is switched off
// (`dts: false`) because it is rewritten on every build. Add a line per new component.
// The paths are relative because vue-tsc types a .vue import only by its file path.

declare module 'vue' {
  export interface GlobalComponents {
    B24Alert: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/Alert.vue')['default'];
    B24App: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/App.vue')['default'];
    B24Badge: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/Badge.vue')['default'];
    B24Button: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/Button.vue')['default'];
    B24Card: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/Card.vue')['default'];
    B24CheckboxGroup: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/CheckboxGroup.vue')['default'];
    B24FieldGroup: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/FieldGroup.vue')['default'];
    B24FormField: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/FormField.vue')['default'];
    B24Input: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/Input.vue')['default'];
    B24Modal: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/Modal.vue')['default'];
    B24NavbarSection: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/NavbarSection.vue')['default'];
    B24NavbarSpacer: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/NavbarSpacer.vue')['default'];
    B24NavigationMenu: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/NavigationMenu.vue')['default'];
    B24Pagination: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/Pagination.vue')['default'];
    B24Progress: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/Progress.vue')['default'];
    B24Select: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/Select.vue')['default'];
    B24SidebarBody: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/SidebarBody.vue')['default'];
    B24SidebarFooter: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/SidebarFooter.vue')['default'];
    B24SidebarHeader: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/SidebarHeader.vue')['default'];
    B24SidebarLayout: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/SidebarLayout.vue')['default'];
    B24Table: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/Table.vue')['default'];
    B24Textarea: typeof import('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/components/Textarea.vue')['default'];
  }
}

export {};
