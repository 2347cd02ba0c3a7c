import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Raw query parameters of a react-admin ra-data-simple-rest list request. */
export interface ListParams {
  filter?: string;
  sort?: string;
  range?: string;
}

export interface SortKey<T extends ObjectLiteral = ObjectLiteral> {
  /** Columns of the listed table; a name with a dot is taken as written: a column (or expression) of `join`'s tables. */
  columns: string[];
  unique?: boolean;
  /**
   * Joins what a sort by another table's value reads (an application's organization name), to the
   * page's id query alone. Many-to-one joins only: each listed row meets at most one joined row,
   * so the sort neither adds rows nor drops any, and the page holds exactly the rows the scoped,
   * filtered query selects. No index spans two tables: such a sort orders every matching row.
   */
  join?: (query: SelectQueryBuilder<T>) => SelectQueryBuilder<T>;
}

export type FilterApplier<T extends ObjectLiteral> = (query: SelectQueryBuilder<T>, value: unknown, param: string) => void;

/** What one resource allows: sortable fields mapped to columns, and one applier per filter. */
export interface ListSpec<T extends ObjectLiteral> {
  resource: string;
  /**
   * Each sortable field's column, or columns: list them as an index has them, so the database
   * reads a page in index order instead of sorting every matching row. `id` is appended as a
   * tie-breaker unless the columns are unique together (InnoDB does not order a unique index by
   * the primary key it carries, so the extra column would force a sort).
   */
  sortable: Record<string, string | SortKey<T>>;
  defaultSort: [field: string, order: 'ASC' | 'DESC'];
  filters: Record<string, FilterApplier<T>>;
  /** Relations to load with the rows of a page (joined only for those rows, never while paging). */
  joins?: (query: SelectQueryBuilder<T>) => SelectQueryBuilder<T>;
}

export interface Page<T> {
  /** The resource name of ra-data-simple-rest's `Content-Range`, e.g. `users`. */
  resource: string;
  items: T[];
  total: number;
  start: number;
}

/** Thrown on a malformed list request; the API answers it 400 with the field in `errors`. */
export class ListQueryError extends Error {
  constructor(
    readonly param: 'filter' | 'sort' | 'range',
    message: string,
  ) {
    super(message);
  }
}

export const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 25;

/**
 * Answers one page of a list. `query` selects the visible rows of one table, without joins.
 * A deferred join keeps deep pages cheap: the page's ids come first from the sort index alone,
 * then only those rows are loaded, with their relations.
 */
export async function findPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  params: ListParams,
  spec: ListSpec<T>,
): Promise<Page<T>> {
  const filter = parseJson(params.filter, 'filter', {});
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw new ListQueryError('filter', 'filter must be a JSON object');
  }
  for (const [name, value] of Object.entries(filter)) {
    // Own properties only: `__proto__`, `constructor` or `toString` are not filters, whatever a
    // plain object inherits under those names.
    if (!Object.hasOwn(spec.filters, name)) throw new ListQueryError('filter', `unknown filter "${name}"`);
    const apply = spec.filters[name];
    if (value === undefined || value === null || value === '') continue;
    apply(query, value, `f_${name}`);
  }

  const [field, order] = parseSort(params.sort, spec);
  const [start, end] = parseRange(params.range);
  const alias = query.alias;
  const pageIds = query
    .clone()
    .select(`${alias}.id`, 'id')
    .orderBy()
    .offset(start)
    .limit(end - start + 1);
  // A unique tie-breaker keeps pages stable when many rows share the sorted value.
  const sort = spec.sortable[field];
  const { columns, unique, join } = typeof sort === 'string' ? { columns: [sort], unique: sort === 'id', join: undefined } : sort;
  join?.(pageIds);
  for (const column of unique ? columns : [...columns, 'id']) pageIds.addOrderBy(column.includes('.') ? column : `${alias}.${column}`, order);

  const [total, rows] = await Promise.all([query.getCount(), pageIds.getRawMany<{ id: number | string }>()]);
  const ids = rows.map((row) => Number(row.id));
  if (ids.length === 0) return { resource: spec.resource, items: [], total, start };
  const loaded = await (spec.joins ?? ((q) => q))(query.clone()).andWhereInIds(ids).getMany();
  const byId = new Map(loaded.map((item) => [Number(item['id']), item]));
  return { resource: spec.resource, items: ids.map((id) => byId.get(id)).filter((item): item is T => item !== undefined), total, start };
}

// `Content-Range` as ra-data-simple-rest reads it: `users 0-24/319`, or `users */0` (RFC 9110 14.4) when empty.
function contentRange({ resource, items, start, total }: Page<unknown>): string {
  if (items.length === 0) return `${resource} */${total}`;
  return `${resource} ${start}-${start + items.length - 1}/${total}`;
}

// Reusable filter appliers.

/** Case-insensitive "contains" over one or more columns, the same on MySQL and SQLite. */
export function containsFilter<T extends ObjectLiteral>(...columns: string[]): FilterApplier<T> {
  return (query, value, param) => {
    if (typeof value !== 'string') throw new ListQueryError('filter', `${param.slice(2)} must be a string`);
    const pattern = `%${value.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
    const alias = query.alias;
    const clauses = columns.map((column) => `LOWER(${alias}.${column}) LIKE :${param} ESCAPE '!'`);
    query.andWhere(`(${clauses.join(' OR ')})`, { [param]: pattern });
  };
}

export function booleanFilter<T extends ObjectLiteral>(column: string): FilterApplier<T> {
  return (query, value, param) => {
    const flag = value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined;
    if (flag === undefined) throw new ListQueryError('filter', `${param.slice(2)} must be true or false`);
    query.andWhere(`${query.alias}.${column} = :${param}`, { [param]: flag });
  };
}

/** Equality on an integer id, or membership when react-admin sends a list (getMany). */
export function idFilter<T extends ObjectLiteral>(column: string): FilterApplier<T> {
  return (query, value, param) => {
    const ids = (Array.isArray(value) ? value : [value]).map(Number);
    if (ids.some((id) => !Number.isSafeInteger(id))) {
      throw new ListQueryError('filter', `${param.slice(2)} must be an id or a list of ids`);
    }
    if (ids.length === 0) {
      query.andWhere('1 = 0');
      return;
    }
    query.andWhere(`${query.alias}.${column} IN (:...${param})`, { [param]: ids });
  };
}

function parseJson(raw: string | undefined, param: ListQueryError['param'], fallback: unknown): unknown {
  if (raw === undefined || raw === '') return fallback;
  try {
    return JSON.parse(raw);
  } catch {
    throw new ListQueryError(param, `${param} must be valid JSON`);
  }
}

function parseSort<T extends ObjectLiteral>(raw: string | undefined, spec: ListSpec<T>): [string, 'ASC' | 'DESC'] {
  const sort = parseJson(raw, 'sort', spec.defaultSort);
  if (!Array.isArray(sort) || sort.length !== 2 || typeof sort[0] !== 'string' || typeof sort[1] !== 'string') {
    throw new ListQueryError('sort', 'sort must be ["field","ASC"|"DESC"]');
  }
  const [field, order] = sort as [string, string];
  if (!Object.hasOwn(spec.sortable, field)) {
    throw new ListQueryError('sort', `cannot sort by "${field}"; sortable: ${Object.keys(spec.sortable).join(', ')}`);
  }
  const direction = order.toUpperCase();
  if (direction !== 'ASC' && direction !== 'DESC') throw new ListQueryError('sort', 'sort order must be ASC or DESC');
  return [field, direction];
}

function parseRange(raw: string | undefined): [number, number] {
  const range = parseJson(raw, 'range', [0, DEFAULT_PAGE_SIZE - 1]);
  if (
    !Array.isArray(range) ||
    range.length !== 2 ||
    !range.every((n) => Number.isSafeInteger(n) && n >= 0) ||
    range[1] < range[0]
  ) {
    throw new ListQueryError('range', 'range must be [start, end] with 0 <= start <= end');
  }
  const [start, end] = range as [number, number];
  if (end - start + 1 > MAX_PAGE_SIZE) throw new ListQueryError('range', `range may span at most ${MAX_PAGE_SIZE} rows`);
  return [start, end];
}

/** Headers of a list answer; `Content-Range` is exposed so a cross-origin console can read it too. */
export function pageHeaders(page: Page<unknown>): Record<string, string> {
  return { 'Content-Range': contentRange(page), 'Access-Control-Expose-Headers': 'Content-Range' };
}
