import type { Component } from 'vue';
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { api } from './api/audiobot-api.js';
import { prefetch } from './composables/use-prefetch.js';
import { t } from './i18n/index.js';

// One lazy chunk per page: the first screen downloads only its own code.

type PageLoader = () => Promise<Component | { default: Component }>;

function page(path: string, name: string, load: PageLoader, title: string, section = name) {
  return { path, name, component: load, props: true, meta: { title, section } } as RouteRecordRaw;
}

const routes: RouteRecordRaw[] = [
  page('/', 'dashboard', () => import('./pages/DashboardPage.vue'), t.nav.dashboard),
  page('/houses', 'houses', () => import('./pages/HousesPage.vue'), t.nav.houses),
  page('/houses/:id', 'house', () => import('./pages/HousePage.vue'), t.house.title, 'houses'),
  page('/calendar', 'calendar', () => import('./pages/CalendarPage.vue'), t.nav.calendar),
  page('/brigades', 'brigades', () => import('./pages/BrigadesPage.vue'), t.nav.brigades),
  page(
    '/brigades/:id',
    'brigade',
    () => import('./pages/BrigadePage.vue'),
    t.nav.brigades,
    'brigades',
  ),
  page('/workload', 'workload', () => import('./pages/WorkloadPage.vue'), t.nav.workload),
  page('/quality', 'quality', () => import('./pages/DataQualityPage.vue'), t.nav.dataQuality),
  page('/acts', 'acts', () => import('./pages/ActsPage.vue'), t.nav.acts),
  page('/kpi', 'kpi', () => import('./pages/KpiPage.vue'), t.nav.kpi),
  page('/day', 'day', () => import('./pages/MyDayPage.vue'), t.nav.day),
  page('/check', 'check', () => import('./pages/ComplaintCheckPage.vue'), t.nav.check),
  page('/dispatch', 'dispatch', () => import('./pages/DispatchPage.vue'), t.nav.dispatch),
  page('/map', 'map', () => import('./pages/MapPage.vue'), t.nav.map),
  page('/connection', 'connection', () => import('./pages/ConnectionPage.vue'), t.nav.connection),
  page('/:pathMatch(.*)*', 'not-found', () => import('./pages/NotFoundPage.vue'), t.state.notFound),
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

// The dashboard is the first screen: its figures travel while its code loads.
router.beforeEach((to) => {
  if (to.name === 'dashboard') prefetch('statistics', api.statistics);
});

router.afterEach((to) => {
  const title = typeof to.meta.title === 'string' ? to.meta.title : '';
  document.title = title ? `${title} — ${t.app.name}` : t.app.name;
});
