import { existsSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';

// A throwaway stand-in for the AudioBot API, for designing pages before the
// real server runs. Tests never use it: they start the real server.

const dist = join(import.meta.dirname, '..', 'dist');
const port = Number(process.env.PORT ?? 3199);
const brigades = ['Бригада 1', 'Бригада 2', 'Бригада 3', 'Бригада 4', 'Бригада 5', 'Бригада 6'].map(
  (name, index) => ({ id: String(10 + index), name }),
);
const types = ['full_wet', 'sweeping', 'first_floor'] as const;
const streets = [
  'Аллейная улица',
  'улица Ленина',
  'Грабцевское шоссе',
  'улица Кирова',
  'проспект Победы',
];
const today = new Date();
const iso = (day: Date) => day.toISOString().slice(0, 10);
const month = iso(today).slice(0, 7);

const houses = Array.from({ length: 60 }, (_, index) => {
  const brigade = brigades[index % 6] ?? null;
  const day = ((index * 7) % 27) + 1;
  return {
    id: String(1000 + index),
    title: `Дом ${index}`,
    address: `${streets[index % 5]}, ${index + 1}, Калуга`,
    lat: index % 13 === 0 ? null : 54.5 + (index % 10) * 0.01,
    lon: index % 13 === 0 ? null : 36.2 + Math.floor(index / 10) * 0.02,
    apartments: 40 + index,
    entrances: 1 + (index % 6),
    floors: 5 + (index % 5),
    area: 2000 + index * 10,
    tariff: '3 // 125',
    brigade: index % 17 === 0 ? null : brigade,
    managementCompany: { id: String(index % 4), name: `УК «Дом-${index % 4}»` },
    seniorResident: { id: '1', name: 'Иванова Мария', phone: '+7 900 000-00-00' },
    periodicity: '2 раза + 2 подметания',
    nextCleaning: { date: `${month}-${String(day).padStart(2, '0')}`, type: types[index % 3] },
    problems: index % 13 === 0 ? ['no_coordinates'] : index % 17 === 0 ? ['no_brigade'] : [],
  };
});

function send(response: ServerResponse, body: unknown, status = 200): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function schedule(from: string, to: string) {
  return houses
    .flatMap((house) =>
      [1, 8, 15, 22].map((offset, slot) => ({
        date: `${month}-${String(((Number(house.id) + offset) % 28) + 1).padStart(2, '0')}`,
        houseId: house.id,
        address: house.address,
        brigadeId: house.brigade?.id ?? null,
        brigadeName: house.brigade?.name ?? null,
        type: types[slot % 3],
        typeText: 'Влажная уборка лестничных площадок всех этажей',
        entrances: house.entrances,
        floors: house.floors,
      })),
    )
    .filter((item) => item.date >= from && item.date <= to);
}

const api: Record<string, (query: URLSearchParams) => unknown> = {
  '/api/health': () => ({
    status: 'ok',
    demo: true,
    portal: { domain: 'demo.bitrix24.ru' },
    lastSync: null,
    version: '0.1.0',
    doctor: {
      ok: true,
      checkedAt: iso(today),
      demo: true,
      domain: 'demo',
      checks: [
        {
          id: 'credentials',
          step: '2.1',
          title: 'Вебхук принимает запросы',
          status: 'ok',
          detail: 'Ответ за 40 мс',
          fix: '',
        },
        {
          id: 'scopes',
          step: '2.2',
          title: 'Права вебхука',
          status: 'warn',
          detail: 'Нет права task',
          fix: 'Добавьте право «Задачи» в настройках вебхука',
        },
      ],
    },
  }),
  '/api/auth/demo': () => ({
    user: { id: '1', name: 'Администратор демо', role: 'admin', brigadeId: null },
    demo: true,
  }),
  '/api/cleaning/houses/export': () => 'csv',
  '/api/auth/me': () => ({
    user: { id: '1', name: 'Администратор демо', role: 'admin', brigadeId: null },
    demo: true,
  }),
  '/api/cleaning/filters': () => ({
    brigades,
    managementCompanies: [0, 1, 2, 3].map((i) => ({
      id: String(i),
      name: `УК «Дом-${i}»`,
      houses: 15,
    })),
    cleaningTypes: types.map((code) => ({ code, name: code })),
    problems: [
      { code: 'no_coordinates', name: 'Нет координат' },
      { code: 'no_brigade', name: 'Нет бригады' },
    ],
  }),
  '/api/cleaning/houses': (query) => {
    const q = (query.get('q') ?? '').toLowerCase();
    const items = houses
      .filter((house) => house.address.toLowerCase().includes(q))
      .filter((house) => !query.get('brigadeId') || house.brigade?.id === query.get('brigadeId'))
      .filter(
        (house) => !query.get('problem') || house.problems.includes(query.get('problem') as never),
      );
    const page = Number(query.get('page') ?? 1);
    const limit = Number(query.get('limit') ?? 50);
    return {
      total: items.length,
      page,
      limit,
      items: items.slice((page - 1) * limit, page * limit),
    };
  },
  '/api/cleaning/schedule': (query) => ({
    from: query.get('from'),
    to: query.get('to'),
    items: schedule(query.get('from') ?? '', query.get('to') ?? ''),
  }),
  '/api/cleaning/map': () => ({
    items: houses
      .filter((house) => house.lat !== null)
      .map((house) => ({
        id: house.id,
        address: house.address,
        lat: house.lat,
        lon: house.lon,
        brigadeId: house.brigade?.id ?? null,
      })),
  }),
  '/api/dashboard/statistics': () => ({
    houses: 490,
    apartments: 30120,
    entrances: 1603,
    floors: 4200,
    employees: 82,
    brigades: 6,
    month,
    cleaningsByType: types.map((type, i) => ({ type, count: 600 - i * 150 })),
    housesWithProblems: 12,
    problems: [
      { code: 'no_coordinates', count: 5 },
      { code: 'no_brigade', count: 3 },
    ],
    today: {
      date: iso(today),
      byBrigade: brigades.map((b, i) => ({ brigadeId: b.id, name: b.name, cleanings: 10 + i * 2 })),
    },
  }),
  '/api/dashboard/departments': () => ({
    items: brigades.map((b, i) => ({
      id: b.id,
      name: b.name,
      leader: { id: '5', name: `Петров Пётр ${i}` },
      members: [{ id: '7', name: 'Сидорова Анна', position: 'Уборщица' }],
      houses: 80,
      entrances: 260,
      apartments: 5000,
    })),
  }),
  '/api/dashboard/workload': (query) => ({
    month: query.get('month') ?? month,
    days: schedule(`${month}-01`, `${month}-31`).map((item) => ({
      date: item.date,
      brigadeId: item.brigadeId,
      houses: 1,
      entrances: item.entrances ?? 0,
      floorCleanings: (item.floors ?? 0) * (item.entrances ?? 0),
    })),
    totals: brigades.map((b) => ({
      brigadeId: b.id,
      name: b.name,
      houses: 40,
      entrances: 120,
      floorCleanings: 900,
    })),
  }),
  '/api/connection/mapping': () => ({
    pipeline: { id: '34', name: 'Уборка подъездов' },
    roles: [
      { role: 'address', field: 'UF_CRM_1669561599956', label: 'Адрес многоквартирного дома' },
    ],
    months: [{ month, slot: 1, dateField: 'UF_CRM_1', typeField: 'UF_CRM_2' }],
    unplaced: [{ field: 'UF_CRM_9', label: 'Дата уборки 1 | Май', reason: 'Повторяется' }],
  }),
  '/api/sync/runs': () => ({
    items: [
      {
        id: '1',
        mode: 'full',
        status: 'succeeded',
        startedAt: today.toISOString(),
        finishedAt: today.toISOString(),
        phase: 'done',
        done: 490,
        total: 490,
        requests: 31,
        error: null,
      },
    ],
  }),
};

createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://x');
  const houseMatch = /^\/api\/cleaning\/houses\/(\d+)$/.exec(url.pathname);
  if (houseMatch) {
    const house = houses.find((item) => item.id === houseMatch[1]);
    if (!house) return send(response, { error: 'house_not_found', message: 'Дом не найден' }, 404);
    return send(response, {
      ...house,
      managementCompany: {
        ...house.managementCompany,
        phones: ['+7 4842 00-00-00'],
        emails: ['uk@example.ru'],
      },
      seniorResident: { id: '1', name: 'Иванова Мария', phones: ['+7 900 000-00-00'], emails: [] },
      contract: '№ 34/25 от 01.09.2025 г.',
      serviceStart: '2025-09-01',
      stage: 'В работе',
      responsible: { id: '5', name: 'Петров Пётр' },
      schedule: [
        {
          month,
          periodicity: '2 раза',
          cleanings: [{ date: `${month}-03`, type: 'full_wet', typeText: 'x', slot: 1 }],
        },
      ],
      generalCleaning: null,
      bitrixUrl: 'https://demo.bitrix24.ru/crm/deal/details/1000/',
      fields: [{ code: 'UF_CRM_1', label: 'Тариф', value: '3 // 125' }],
    });
  }
  const handler = api[url.pathname];
  if (handler) return send(response, handler(url.searchParams));
  if (url.pathname.startsWith('/api/'))
    return send(response, { error: 'not_found', message: 'Нет такого адреса' }, 404);

  const file = join(dist, url.pathname);
  const path = existsSync(file) && extname(file) ? file : join(dist, 'index.html');
  const types: Record<string, string> = {
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.html': 'text/html',
  };
  response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
  response.end(readFileSync(path));
}).listen(port, '127.0.0.1', () => console.log(`mock API on http://127.0.0.1:${port}`));
