import { describe, expect, it } from 'vitest';
import { departmentFigures, isTicketOverdue, median } from './tickets';

describe('tickets', () => {
  it('is overdue only while open after its due date', () => {
    const t = { departmentId: 'a', status: 'open' as const, openedOn: '2025-05-01', dueDate: '2025-05-10' };
    expect(isTicketOverdue(t, '2025-05-10')).toBe(false);
    expect(isTicketOverdue(t, '2025-05-11')).toBe(true);
    expect(isTicketOverdue({ ...t, status: 'closed', closedOn: '2025-05-20' }, '2025-05-30')).toBe(false);
  });
  it('takes the median of odd and even counts', () => {
    expect(median([])).toBeNull();
    expect(median([9, 1, 4])).toBe(4);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
  it('counts per department', () => {
    const figures = departmentFigures(
      [
        {
          departmentId: 'land',
          status: 'closed',
          openedOn: '2025-05-01',
          dueDate: '2025-05-10',
          closedOn: '2025-05-04',
        },
        {
          departmentId: 'land',
          status: 'closed',
          openedOn: '2025-05-01',
          dueDate: '2025-05-10',
          closedOn: '2025-05-15',
        },
        { departmentId: 'land', status: 'open', openedOn: '2025-05-01', dueDate: '2025-05-10' },
        { departmentId: 'power', status: 'open', openedOn: '2025-05-20', dueDate: '2025-06-10' },
      ],
      '2025-05-31',
    );
    expect(figures).toEqual([
      { departmentId: 'land', opened: 3, closed: 2, overdue: 1, closedLate: 1, medianDaysToClose: 8.5 },
      { departmentId: 'power', opened: 1, closed: 0, overdue: 0, closedLate: 0, medianDaysToClose: null },
    ]);
  });
});
