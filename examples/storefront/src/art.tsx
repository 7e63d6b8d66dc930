// Little SVG illustrations instead of product photos (no network, no image files).
import type { ComponentType } from 'react';

export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 64 64" width="36" height="36" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#3b2418" />
      <path d="M16 26h26v10a13 13 0 0 1-26 0z" fill="#f3e6d8" />
      <path d="M42 29h4a6 6 0 0 1 0 12h-5" fill="none" stroke="#f3e6d8" strokeWidth="4" />
      <path d="M24 12c-3 4 3 6 0 10M32 12c-3 4 3 6 0 10" fill="none" stroke="#d9a46c" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

function Bag() {
  return (
    <>
      <path d="M38 30h44l6 80H32z" fill="#6b4226" />
      <path d="M38 30h44l-4 10H42z" fill="#4e2f1b" />
      <rect x="44" y="56" width="32" height="30" rx="4" fill="#f6ead9" />
      <ellipse cx="60" cy="71" rx="7" ry="10" fill="#6b4226" />
      <path d="M60 62c-3 6 3 12 0 18" stroke="#f6ead9" strokeWidth="2" fill="none" />
    </>
  );
}

function DripBags() {
  return (
    <>
      <rect x="30" y="40" width="40" height="54" rx="4" fill="#f6ead9" transform="rotate(-8 50 67)" />
      <rect x="50" y="36" width="40" height="54" rx="4" fill="#fffaf3" stroke="#d8c3a8" strokeWidth="2" />
      <path d="M56 50h28v24l-14 12-14-12z" fill="#8a5a3b" />
      <rect x="58" y="40" width="24" height="5" rx="2" fill="#c98b52" />
    </>
  );
}

function Bottle() {
  return (
    <>
      <rect x="52" y="22" width="16" height="12" rx="3" fill="#2b1a10" />
      <path d="M50 34h20v10c8 4 10 10 10 18v40a8 8 0 0 1-8 8H48a8 8 0 0 1-8-8V62c0-8 2-14 10-18z" fill="#3b2418" />
      <rect x="44" y="64" width="32" height="26" rx="3" fill="#f6ead9" />
      <path d="M50 78h20M50 84h12" stroke="#8a5a3b" strokeWidth="3" strokeLinecap="round" />
      <circle cx="80" cy="40" r="4" fill="#cfe6f2" />
      <circle cx="88" cy="52" r="3" fill="#cfe6f2" />
    </>
  );
}

function Box() {
  return (
    <>
      <path d="M24 50l36-16 36 16v44l-36 16-36-16z" fill="#c98b52" />
      <path d="M24 50l36 16 36-16M60 66v44" stroke="#8a5a3b" strokeWidth="3" fill="none" />
      <path d="M42 42l36 16v12" stroke="#f6ead9" strokeWidth="6" fill="none" />
    </>
  );
}

const ART: Record<string, ComponentType> = { yirgacheffe: Bag, 'house-blend': DripBags, 'cold-brew': Bottle, 'monthly-beans': Box };
const TINT: Record<string, string> = { yirgacheffe: '#f3e3cf', 'house-blend': '#e9eedf', 'cold-brew': '#e2ecf1', 'monthly-beans': '#f5e1d6' };

/** The picture of a product or plan, decorative (the name is next to it). */
export function ProductArt({ id }: { id: string }) {
  const Art = ART[id] ?? Bag;
  return (
    <svg className="product-art" viewBox="0 0 120 120" aria-hidden="true" focusable="false" style={{ background: TINT[id] ?? '#f3e3cf' }}>
      <Art />
    </svg>
  );
}
