export { encodeQr, qrSvgPath, QrTooLongError, type QrMatrix, type QrOptions } from './qr-encoder';
export { QrCode, type QrCodeProps } from './qr-code';
