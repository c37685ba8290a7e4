import { pageOffset, paginatedSchema, paginationQuerySchema } from './index';
import { z } from 'zod';

describe('paginationQuerySchema', () => {
  it('defaults to page 1 of 20', () => {
    expect(paginationQuerySchema.parse({})).toEqual({ page: 1, pageSize: 20 });
  });

  it('coerces query-string text', () => {
    expect(paginationQuerySchema.parse({ page: '3', pageSize: '50' })).toEqual({ page: 3, pageSize: 50 });
    expect(paginationQuerySchema.parse({ page: ' 2 ', pageSize: '200' })).toEqual({ page: 2, pageSize: 200 });
  });

  it('treats empty parameters (?page=) as not given', () => {
    expect(paginationQuerySchema.parse({ page: '', pageSize: '' })).toEqual({ page: 1, pageSize: 20 });
  });

  it('ignores other query parameters', () => {
    expect(paginationQuerySchema.parse({ page: '1', villageId: 'v-1' })).toEqual({ page: 1, pageSize: 20 });
  });

  it.each([
    [{ page: '0' }, 'page 从 1 开始 / page starts at 1'],
    [{ page: '-1' }, 'page 从 1 开始 / page starts at 1'],
    [{ page: '1.5' }, 'page must be a whole number'],
    [{ page: 'abc' }, 'page must be a number'],
    [{ pageSize: '0' }, 'pageSize must be at least 1'],
    [{ pageSize: '201' }, 'pageSize must be at most 200'],
  ])('rejects %p with a readable message', (query, message) => {
    const result = paginationQuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain(message);
  });

  it('gives the SQL offset of a page', () => {
    expect(pageOffset({ page: 3, pageSize: 20 })).toBe(40);
  });
});

describe('paginatedSchema', () => {
  it('validates a page of items', () => {
    const schema = paginatedSchema(z.object({ id: z.string() }));
    expect(schema.safeParse({ items: [{ id: 'a' }], total: 1, page: 1, pageSize: 20 }).success).toBe(true);
    expect(schema.safeParse({ items: [{ id: 1 }], total: 1, page: 1, pageSize: 20 }).success).toBe(false);
  });
});
