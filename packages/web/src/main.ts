import './styles/main.css';

import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin';
import { createApp } from 'vue';
import App from './App.vue';
import { router } from './router.js';

createApp(App).use(router).use(b24UiPlugin).mount('#app');
