import { useMemo } from 'react';
import { qrSvgPath } from './qr-encoder';

export interface QrCodeProps {
  /** The text to encode, usually the page's own URL (at most 213 bytes of UTF-8). */
  value: string;
  /** What the code leads to, read by screen readers and shown as the SVG title. */
  label: string;
  /** Printed width in CSS units; the symbol scales without blur. */
  size?: string;
}

/** A QR code drawn as SVG (level M, quiet zone included), crisp on screen and on paper. */
export function QrCode({ value, label, size = '10rem' }: QrCodeProps) {
  const { path, size: modules } = useMemo(() => qrSvgPath(value), [value]);
  return (
    <svg
      className="points-qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${modules} ${modules}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      data-value={value}
    >
      <title>{label}</title>
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
