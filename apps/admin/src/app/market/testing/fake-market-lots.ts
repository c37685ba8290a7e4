import { sendJson } from '@fupin/api-client/testing';
import {
  LOT_STATUSES,
  TRANSFER_DIRECTIONS,
  TRANSFER_STATUSES,
  type LotSummary,
  type LotView,
  type TransferListItem,
  type TransferView,
} from '@fupin/contracts';
import type { NetworkOrganisation } from '../market-api';
import type { MarketRequest, MarketState } from './fake-market';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let network: readonly NetworkOrganisation[] = [];
const nameOf = (id: string | null) => network.find((o) => o.id === id)?.name ?? null;

/** A page of `items` as `?page=&pageSize=` ask, refusing what the real service refuses. */
function paged<T>(
  items: T[],
  query: URLSearchParams,
): { page: number; pageSize: number; items: T[] } | string {
  const page = Number(query.get('page') || 1);
  const pageSize = Number(query.get('pageSize') || 20);
  if (!Number.isInteger(page) || page < 1) return 'page: page 从 1 开始 / page starts at 1';
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200)
    return 'pageSize: pageSize 最大为 200 / pageSize must be at most 200';
  return { page, pageSize, items: items.slice((page - 1) * pageSize, page * pageSize) };
}

export function lotSummary(lot: LotView): LotSummary {
  return {
    id: lot.id,
    traceCode: lot.traceCode,
    produce: lot.produce,
    grade: lot.grade,
    weightGrams: lot.weightGrams,
    status: lot.status,
    locationId: lot.locationId,
    locationName: nameOf(lot.locationId),
    householdCount: lot.households.length,
    createdAt: lot.createdAt,
  };
}

export function transferItem(state: MarketState, transfer: TransferView): TransferListItem {
  const lot = state.lots.find((l) => l.id === transfer.lotId);
  return {
    ...transfer,
    traceCode: lot?.traceCode ?? '',
    produce: lot?.produce ?? '',
    grade: lot?.grade ?? 'ungraded',
    fromOrganisationName: nameOf(transfer.fromOrganisationId) ?? '',
    toOrganisationName: nameOf(transfer.toOrganisationId) ?? '',
  };
}

/**
 * `GET /lots`, `GET /transfers`, `POST /transfers/:id/receive` and `POST /lots/merge` as the market
 * answers them: an organisation's staff see their own place only, county staff and auditors all.
 * Returns false when the request is not one of these.
 */
export function answerLots(
  state: MarketState,
  r: MarketRequest,
  organisations: readonly NetworkOrganisation[],
): boolean {
  network = organisations;
  const { path, request, url, response, fail, allow, forbidden, actor } = r;
  const query = url.searchParams;
  const bad = (message: string) => fail(400, 'VALIDATION_FAILED', message);
  const own = actor.scope.kind === 'organisation' ? actor.scope.id : null;
  const named = (key: string): string | null | false => {
    const value = query.get(key) || null;
    if (value !== null && !UUID.test(value)) {
      bad(`${key}: ${key} 须为机构编号（UUID） / ${key} must be an organisation id (UUID)`);
      return false;
    }
    if (own !== null && value !== null && value !== own) {
      forbidden();
      return false;
    }
    return own ?? value;
  };

  if ((path === '/lots' || path === '/transfers') && request.method === 'GET' && state.listsDown) {
    fail(503, 'BUSY', '系统正忙 / Busy');
    return true;
  }
  if (path === '/lots' && request.method === 'GET') {
    if (!allow('collector', 'supermarket_staff', 'county_admin', 'auditor')) return (forbidden(), true);
    const status = query.get('status') || null;
    if (status && !(LOT_STATUSES as readonly string[]).includes(status))
      return (bad(`status: status 须为 ${LOT_STATUSES.join('、')} 之一`), true);
    const location = named('location');
    if (location === false) return true;
    const produce = query.get('produce')?.trim().toLowerCase() || null;
    const list = [...state.lots]
      .filter(
        (l) =>
          (!location || l.locationId === location) &&
          (!status || l.status === status) &&
          (!produce || l.produce.toLowerCase().includes(produce)),
      )
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    const page = paged(list, query);
    if (typeof page === 'string') return (bad(page), true);
    sendJson(response, 200, { ...page, items: page.items.map(lotSummary), total: list.length });
    return true;
  }

  if (path === '/transfers' && request.method === 'GET') {
    if (!allow('collector', 'supermarket_staff', 'county_admin', 'auditor')) return (forbidden(), true);
    const direction = query.get('direction') || null;
    if (direction && !(TRANSFER_DIRECTIONS as readonly string[]).includes(direction))
      return (bad('direction: direction 须为 incoming 或 outgoing'), true);
    const status = query.get('status') || null;
    if (status && !(TRANSFER_STATUSES as readonly string[]).includes(status))
      return (bad('status: status 须为 sent 或 received'), true);
    const organisation = named('organisation');
    if (organisation === false) return true;
    if (direction && !organisation)
      return (
        fail(400, 'PROCUREMENT_DIRECTION_NEEDS_ORGANISATION', 'direction 须与 organisation 一起使用'),
        true
      );
    const list = [...state.transfers]
      .filter(
        (t) =>
          (!organisation ||
            (direction !== 'outgoing' && t.toOrganisationId === organisation) ||
            (direction !== 'incoming' && t.fromOrganisationId === organisation)) &&
          (!status || t.status === status),
      )
      .sort((a, b) => b.sentAt.localeCompare(a.sentAt) || b.id.localeCompare(a.id));
    const page = paged(list, query);
    if (typeof page === 'string') return (bad(page), true);
    sendJson(response, 200, {
      ...page,
      items: page.items.map((t) => transferItem(state, t)),
      total: list.length,
    });
    return true;
  }

  const receive = /^\/transfers\/([0-9a-f-]{36})\/receive$/.exec(path);
  if (receive && request.method === 'POST') {
    if (!allow('collector', 'supermarket_staff')) return (forbidden(), true);
    const transfer = state.transfers.find((t) => t.id === receive[1]);
    if (!transfer)
      return (fail(404, 'PROCUREMENT_TRANSFER_NOT_FOUND', '调运单不存在 / No such transfer'), true);
    if (transfer.toOrganisationId !== own) return (forbidden(), true);
    if (transfer.status !== 'sent') return (fail(409, 'PROCUREMENT_TRANSFER_DONE', '调运单已签收'), true);
    const body = r.body() as { receivedGrams: number; lossReason?: string };
    if (body.receivedGrams < transfer.sentGrams && !body.lossReason)
      return (fail(422, 'PROCUREMENT_LOSS_NEEDS_REASON', '有损耗须填写原因 / A loss needs a reason'), true);
    Object.assign(transfer, {
      status: 'received',
      receivedGrams: body.receivedGrams,
      lossGrams: transfer.sentGrams - body.receivedGrams,
      lossReason: body.lossReason ?? null,
      receivedAt: new Date().toISOString(),
    });
    const lot = state.lots.find((l) => l.id === transfer.lotId);
    if (lot) Object.assign(lot, { status: 'at_location', locationId: own, weightGrams: body.receivedGrams });
    sendJson(response, 201, transfer);
    return true;
  }

  if (path === '/lots/merge' && request.method === 'POST') {
    if (!allow('collector', 'supermarket_staff')) return (forbidden(), true);
    const ids = r.body()['lotIds'] as string[];
    const chosen = state.lots.filter((l) => ids.includes(l.id));
    if (chosen.some((l) => l.produce !== chosen[0]!.produce || l.grade !== chosen[0]!.grade))
      return (fail(422, 'PROCUREMENT_LOTS_DIFFER', '只能合并同品种同等级的批次'), true);
    const merged: LotView = {
      ...chosen[0]!,
      id: `${chosen[0]!.id.slice(0, -2)}99`,
      traceCode: `${chosen[0]!.traceCode}-M`,
      weightGrams: chosen.reduce((sum, l) => sum + l.weightGrams, 0),
      sourceLotIds: ids,
      households: chosen.flatMap((l) => l.households),
      createdAt: new Date().toISOString(),
    };
    for (const lot of chosen) lot.status = 'merged';
    state.lots.push(merged);
    sendJson(response, 201, merged);
    return true;
  }
  return false;
}
