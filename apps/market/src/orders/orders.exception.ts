import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum OrderErrorCode {
  NotFound = 'ORDER_NOT_FOUND',
  ProductNotFound = 'ORDER_PRODUCT_NOT_FOUND',
  OutOfStock = 'ORDER_OUT_OF_STOCK',
  NotABuyer = 'ORDER_NOT_A_BUYER',
  PaymentMethodRequired = 'ORDER_PAYMENT_METHOD_REQUIRED',
  CardDeclined = 'ORDER_CARD_DECLINED',
  PaymentPending = 'ORDER_PAYMENT_PENDING',
  WrongStatus = 'ORDER_WRONG_STATUS',
  RefundTooLarge = 'ORDER_REFUND_TOO_LARGE',
  IdempotencyKeyReused = 'ORDER_IDEMPOTENCY_KEY_REUSED',
  /** No database connection came free in time: the client should retry (same Idempotency-Key). */
  Busy = 'BUSY',
}

const STATUS: Record<OrderErrorCode, HttpStatus> = {
  [OrderErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [OrderErrorCode.ProductNotFound]: HttpStatus.UNPROCESSABLE_ENTITY,
  [OrderErrorCode.OutOfStock]: HttpStatus.CONFLICT,
  [OrderErrorCode.NotABuyer]: HttpStatus.FORBIDDEN,
  [OrderErrorCode.PaymentMethodRequired]: HttpStatus.UNPROCESSABLE_ENTITY,
  [OrderErrorCode.CardDeclined]: HttpStatus.PAYMENT_REQUIRED,
  [OrderErrorCode.PaymentPending]: HttpStatus.ACCEPTED,
  [OrderErrorCode.WrongStatus]: HttpStatus.CONFLICT,
  [OrderErrorCode.RefundTooLarge]: HttpStatus.UNPROCESSABLE_ENTITY,
  [OrderErrorCode.IdempotencyKeyReused]: HttpStatus.UNPROCESSABLE_ENTITY,
  [OrderErrorCode.Busy]: HttpStatus.SERVICE_UNAVAILABLE,
};

/** An expected failure of checkout, payment and order handling. */
export class OrderException extends DomainException {
  constructor(code: OrderErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }

  static notFound(id: string): OrderException {
    return new OrderException(OrderErrorCode.NotFound, `订单 ${id} 不存在 / Order ${id} does not exist`);
  }

  static wrongStatus(status: string, action: string): OrderException {
    return new OrderException(
      OrderErrorCode.WrongStatus,
      `订单状态为 ${status}，不能${action} / The order is ${status}; cannot ${action}`,
    );
  }
}
