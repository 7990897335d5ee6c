// Shapes of the gateway's /api responses. Money travels as decimal strings ("19.99"), never floats.

export interface Product {
  id: number;
  name: string;
  description?: string | null;
  price: string;
  categoryId?: number | null;
  stockQuantity?: number;
  imageUrl?: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Category {
  id: number;
  name: string;
  description?: string | null;
  children?: Category[];
}

export interface OrderItem {
  id?: number;
  productId: number;
  quantity: number;
  price?: string;
  unitPrice?: string;
}

export interface Order {
  id: number | string;
  userId: string;
  totalAmount: string;
  status: string;
  shippingAddress?: string | null;
  items?: OrderItem[];
  createdAt?: string;
}

/** GET /api/orders?userId=… (the order service's page: `orders`, not `items`). */
export interface OrderPage {
  orders: Order[];
  total: number;
  limit: number;
  offset: number;
}

export interface NewOrder {
  userId?: string;
  items: { productId: number; quantity: number }[];
  shippingAddress: string;
}

export interface UploadResult {
  key: string;
  size: number;
  contentType: string;
  [extra: string]: unknown;
}

export interface Session {
  userId: string;
}

/** One downstream as /api/status reports it; fields beyond name are optional so older gateways still render. */
export interface DownstreamStatus {
  name: string;
  up: boolean;
  breaker?: string;
  latencyMs?: number;
  detail?: string;
}

export interface RouteStats {
  route: string;
  p95Ms: number | null;
  errorRate: number;
  count?: number;
}

export interface GatewayStatus {
  services: DownstreamStatus[];
  routes: RouteStats[];
  checkedAt?: string;
}

export interface OrderEvent {
  eventId: string;
  orderId: number | string;
  userId?: string;
  from?: string | null;
  to: string;
  at: string;
}

/** RFC 9457 problem details. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path?: string; message: string }[] | Record<string, unknown>;
}
