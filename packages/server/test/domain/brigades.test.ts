import { describe, expect, it } from 'vitest';
import { type DepartmentRow, resolveBrigades, toDepartment } from '../../src/domain/index.js';

const company: DepartmentRow[] = [
  { ID: '1', NAME: 'ООО «Ваш дом»', SORT: 100 },
  { ID: '2', NAME: 'Офис', PARENT: '1', UF_HEAD: '5' },
  { ID: '3', NAME: 'Клининг', PARENT: '1', UF_HEAD: '6' },
  { ID: '10', NAME: 'Бригада 1', PARENT: '3', UF_HEAD: '21', SORT: 10 },
  { ID: '11', NAME: 'Бригада 2', PARENT: '3', UF_HEAD: '22', SORT: 20 },
  { ID: '12', NAME: 'Бригада Северная', PARENT: '3', UF_HEAD: '23', SORT: 30 },
  { ID: '13', NAME: 'Сменщики бригады 1', PARENT: '10' },
];

describe('resolveBrigades', () => {
  const departments = company.map(toDepartment);

  it('finds the parent by the brigades’ names and lists its children', () => {
    const structure = resolveBrigades(departments);

    expect(structure.parentId).toBe(3);
    expect(structure.source).toBe('named');
    expect(structure.brigades.map((brigade) => [brigade.id, brigade.headId])).toEqual([
      [10, 21],
      [11, 22],
      [12, 23],
    ]);
  });

  it('puts a user in the brigade of their department, or of its ancestor', () => {
    const structure = resolveBrigades(departments);

    expect(structure.brigadeOf([11])).toBe(11);
    expect(structure.brigadeOf([13])).toBe(10);
    expect(structure.brigadeOf([2])).toBeNull();
    expect(structure.brigadeOf([999])).toBeNull();
    expect(structure.brigadeOf([])).toBeNull();
  });

  it('finds unnamed brigades from where the houses’ responsible users sit', () => {
    const unnamed = departments.map((department) =>
      department.parentId === 3 ? { ...department, name: `Участок ${department.id}` } : department,
    );
    const houseDepartmentIds = [[10], [11], [12], [12], [2]];

    const structure = resolveBrigades(unnamed, { houseDepartmentIds });

    expect(structure).toMatchObject({ parentId: 3, source: 'houses' });
  });

  it('takes the configured parent first, and admits when it finds none', () => {
    expect(resolveBrigades(departments, { parentId: 1 })).toMatchObject({
      parentId: 1,
      source: 'configured',
    });
    const flat = [toDepartment({ ID: '1', NAME: 'Компания' })];
    expect(resolveBrigades(flat)).toMatchObject({ parentId: null, source: 'none', brigades: [] });
  });
});
