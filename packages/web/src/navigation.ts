import BroomIcon from '@bitrix24/b24icons-vue/outline/BroomIcon';
import CalendarIcon from '@bitrix24/b24icons-vue/outline/CalendarIcon';
import CheckListIcon from '@bitrix24/b24icons-vue/outline/CheckListIcon';
import CloudSyncIcon from '@bitrix24/b24icons-vue/outline/CloudSyncIcon';
import GraphsDiagramIcon from '@bitrix24/b24icons-vue/outline/GraphsDiagramIcon';
import HomeIcon from '@bitrix24/b24icons-vue/outline/HomeIcon';
import MapIcon from '@bitrix24/b24icons-vue/outline/MapIcon';
import PulseIcon from '@bitrix24/b24icons-vue/outline/PulseIcon';
import SearchIcon from '@bitrix24/b24icons-vue/outline/SearchIcon';
import SendIcon from '@bitrix24/b24icons-vue/outline/SendIcon';
import ShieldAttentionIcon from '@bitrix24/b24icons-vue/outline/ShieldAttentionIcon';
import SignIcon from '@bitrix24/b24icons-vue/outline/SignIcon';
import StatisticsArrowIcon from '@bitrix24/b24icons-vue/outline/StatisticsArrowIcon';
import ThreePersonsIcon from '@bitrix24/b24icons-vue/outline/ThreePersonsIcon';
import type { IconComponent } from '@bitrix24/b24ui-nuxt';
import { t } from './i18n/index.js';

// The app's sections in menu order; the router and the sidebar both read this.

export interface Section {
  name: string;
  path: string;
  label: string;
  icon: IconComponent;
}

export const SECTIONS: readonly Section[] = [
  { name: 'dashboard', path: '/', label: t.nav.dashboard, icon: PulseIcon },
  { name: 'day', path: '/day', label: t.nav.day, icon: CheckListIcon },
  { name: 'houses', path: '/houses', label: t.nav.houses, icon: HomeIcon },
  { name: 'calendar', path: '/calendar', label: t.nav.calendar, icon: CalendarIcon },
  { name: 'brigades', path: '/brigades', label: t.nav.brigades, icon: ThreePersonsIcon },
  { name: 'workload', path: '/workload', label: t.nav.workload, icon: GraphsDiagramIcon },
  { name: 'acts', path: '/acts', label: t.nav.acts, icon: SignIcon },
  { name: 'kpi', path: '/kpi', label: t.nav.kpi, icon: StatisticsArrowIcon },
  { name: 'check', path: '/check', label: t.nav.check, icon: SearchIcon },
  { name: 'dispatch', path: '/dispatch', label: t.nav.dispatch, icon: SendIcon },
  { name: 'quality', path: '/quality', label: t.nav.dataQuality, icon: ShieldAttentionIcon },
  { name: 'map', path: '/map', label: t.nav.map, icon: MapIcon },
  { name: 'connection', path: '/connection', label: t.nav.connection, icon: CloudSyncIcon },
];

export const BRAND_ICON = BroomIcon;
