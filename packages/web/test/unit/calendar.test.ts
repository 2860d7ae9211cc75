import { describe, expect, it } from 'vitest';
import type { ScheduleItem } from '../../src/api/types.js';
import {
  countByType,
  groupByDate,
  monthGrid,
  startOfWeek,
  stepDate,
  viewRange,
  weekDays,
} from '../../src/logic/calendar.js';

function cleaning(date: string, address: string, type: ScheduleItem['type']): ScheduleItem {
  return {
    date,
    houseId: address,
    address,
    brigadeId: '1',
    brigadeName: 'Бригада 1',
    type,
    typeText: '',
    entrances: 2,
    floors: 5,
  };
}

describe('calendar geometry', () => {
  it('starts weeks on Monday', () => {
    expect(startOfWeek('2026-12-06')).toBe('2026-11-30');
    expect(weekDays('2026-12-02')).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
  });

  it('covers a month with whole weeks', () => {
    const grid = monthGrid('2026-12-15');
    expect(grid).toHaveLength(5);
    expect(grid[0]?.[0]).toBe('2026-11-30');
    expect(grid.at(-1)?.[6]).toBe('2027-01-03');
    expect(grid.flat()).toContain('2026-12-31');
  });

  it('asks the API for exactly the days a view shows', () => {
    expect(viewRange('day', '2026-12-09')).toEqual({ from: '2026-12-09', to: '2026-12-09' });
    expect(viewRange('week', '2026-12-09')).toEqual({ from: '2026-12-07', to: '2026-12-13' });
    expect(viewRange('month', '2026-12-09')).toEqual({ from: '2026-11-30', to: '2027-01-03' });
  });

  it('steps by a day, a week or a month', () => {
    expect(stepDate('day', '2026-12-31', 1)).toBe('2027-01-01');
    expect(stepDate('week', '2026-12-03', -1)).toBe('2026-11-26');
    expect(stepDate('month', '2026-03-31', -1)).toBe('2026-02-01');
  });

  it('groups cleanings by day in address order and counts them by type', () => {
    const items = [
      cleaning('2026-12-09', 'улица Кирова, 4', 'sweeping'),
      cleaning('2026-12-09', 'Аллейная улица, 6', 'full_wet'),
      cleaning('2026-12-10', 'улица Ленина, 1', 'full_wet'),
    ];
    const byDate = groupByDate(items);

    expect(byDate.get('2026-12-09')?.map((item) => item.address)).toEqual([
      'Аллейная улица, 6',
      'улица Кирова, 4',
    ]);
    expect(countByType(items)).toEqual({ sweeping: 1, full_wet: 2 });
  });
});
