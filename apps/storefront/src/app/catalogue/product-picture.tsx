import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ProductPictureProps {
  name: string;
  category: string;
  pictureUrl: string | null;
  size?: 'card' | 'large';
}

/**
 * The product's photo, or (no photo, or it failed to load) a plain tile with the product's first
 * character on its category's colour, so the grid never shows a broken image.
 */
export function ProductPicture({ name, category, pictureUrl, size = 'card' }: ProductPictureProps) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  if (pictureUrl && !failed) {
    return (
      <img
        className={`sf-picture sf-picture--${size}`}
        src={pictureUrl}
        alt={name}
        loading="lazy"
        onError={() => setFailed(true)}
      />
    );
  }
  return (
    <div
      className={`sf-picture sf-picture--${size} sf-picture--fallback`}
      data-hue={hueOf(category)}
      role="img"
      aria-label={t('storefront.product.noPicture', { name })}
    >
      <span aria-hidden="true">{Array.from(name)[0] ?? '?'}</span>
    </div>
  );
}

/** One of six tile colours, the same for every product of a category. */
function hueOf(category: string): number {
  let sum = 0;
  for (const char of category) sum += char.codePointAt(0) ?? 0;
  return sum % 6;
}
