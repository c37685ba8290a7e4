import type { ProductView } from '@fupin/contracts';

/** localStorage key prefix; one cart per signed-in buyer, so colleagues sharing a PC keep theirs. */
export const CART_KEY_PREFIX = 'fupin.storefront.cart.';

/** One line of checkout takes at most this many boxes, and at most this many lines (as the API). */
export const MAX_QUANTITY_PER_LINE = 50;
export const MAX_LINES = 20;

/** What the cart remembers of a product: enough to show it and to check the stock again. */
export interface CartItem {
  productId: string;
  sku: string;
  name: string;
  spec: string;
  category: string;
  retailPriceFen: number;
  /** Boxes available when last seen; quantities never go above it. */
  available: number;
  quantity: number;
}

/** How adding went: `limited` when fewer boxes went in than asked (stock or the per-line cap). */
export type AddOutcome =
  | { kind: 'added'; quantity: number }
  | { kind: 'limited'; quantity: number; max: number }
  | { kind: 'sold-out' }
  | { kind: 'too-many-lines' };

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The most boxes of a product one order line can take. */
export function maxQuantity(item: Pick<CartItem, 'available'>): number {
  return Math.max(0, Math.min(item.available, MAX_QUANTITY_PER_LINE));
}

function isCartItem(value: unknown): value is CartItem {
  const item = value as CartItem;
  return (
    typeof item === 'object' &&
    item !== null &&
    typeof item.productId === 'string' &&
    typeof item.name === 'string' &&
    Number.isInteger(item.retailPriceFen) &&
    Number.isInteger(item.available) &&
    Number.isInteger(item.quantity)
  );
}

/**
 * The shopping cart, kept in the browser (localStorage) per buyer. Quantities are held between 1
 * and the stock last seen (and the API's 50 boxes a line); the server checks the stock again at
 * checkout, so a stale cart can never oversell.
 */
export class CartStore {
  private items: readonly CartItem[] = [];
  private owner: string | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly storage: KeyValueStorage | null;

  constructor(storage?: KeyValueStorage | null) {
    this.storage = storage === undefined ? defaultStorage() : storage;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): readonly CartItem[] => this.items;

  /** Switches to the cart of this buyer (null: signed out, an empty cart that is not kept). */
  setOwner(owner: string | null): void {
    if (owner === this.owner) return;
    this.owner = owner;
    this.items = owner ? this.read(owner) : [];
    this.emit();
  }

  add(product: ProductView, quantity = 1): AddOutcome {
    const existing = this.items.find((item) => item.productId === product.id);
    const max = maxQuantity(product);
    if (max === 0) return { kind: 'sold-out' };
    if (!existing && this.items.length >= MAX_LINES) return { kind: 'too-many-lines' };
    const wanted = (existing?.quantity ?? 0) + quantity;
    const next = Math.min(wanted, max);
    const line: CartItem = {
      productId: product.id,
      sku: product.sku,
      name: product.name,
      spec: product.spec,
      category: product.category,
      retailPriceFen: product.retailPriceFen,
      available: product.available,
      quantity: next,
    };
    this.save(
      existing
        ? this.items.map((item) => (item.productId === product.id ? line : item))
        : [...this.items, line],
    );
    return next < wanted ? { kind: 'limited', quantity: next, max } : { kind: 'added', quantity: next };
  }

  setQuantity(productId: string, quantity: number): void {
    this.save(
      this.items.map((item) =>
        item.productId === productId
          ? { ...item, quantity: Math.max(1, Math.min(Math.floor(quantity), Math.max(1, maxQuantity(item)))) }
          : item,
      ),
    );
  }

  remove(productId: string): void {
    this.save(this.items.filter((item) => item.productId !== productId));
  }

  clear(): void {
    this.save([]);
  }

  /** Takes the latest price and stock of the products in the cart; quantities above the stock come down. */
  refresh(products: readonly ProductView[]): void {
    const byId = new Map(products.map((product) => [product.id, product]));
    this.save(
      this.items.map((item) => {
        const product = byId.get(item.productId);
        if (!product) return item;
        const fresh = {
          ...item,
          name: product.name,
          spec: product.spec,
          retailPriceFen: product.retailPriceFen,
          available: product.available,
        };
        return { ...fresh, quantity: Math.max(1, Math.min(item.quantity, Math.max(1, maxQuantity(fresh)))) };
      }),
    );
  }

  private save(items: readonly CartItem[]): void {
    this.items = items;
    if (this.owner) {
      try {
        if (items.length) this.storage?.setItem(CART_KEY_PREFIX + this.owner, JSON.stringify(items));
        else this.storage?.removeItem(CART_KEY_PREFIX + this.owner);
      } catch {
        // a full or blocked storage only costs keeping the cart over a reload
      }
    }
    this.emit();
  }

  private read(owner: string): CartItem[] {
    try {
      const parsed: unknown = JSON.parse(this.storage?.getItem(CART_KEY_PREFIX + owner) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isCartItem).slice(0, MAX_LINES) : [];
    } catch {
      return [];
    }
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Total of the cart in fen (integer arithmetic: box price × boxes). */
export function cartTotalFen(items: readonly CartItem[]): number {
  return items.reduce((sum, item) => sum + item.retailPriceFen * item.quantity, 0);
}

/** Boxes in the cart, for the header badge. */
export function cartCount(items: readonly CartItem[]): number {
  return items.reduce((sum, item) => sum + item.quantity, 0);
}
