import QRCode from 'qrcode';

/**
 * The QR code of a tracking link as an SVG image, made on the desk (offline too: a walk-in
 * complainant gets their receipt whether or not the server is reachable). Drawn as one path of
 * unit squares with the standard four-module quiet zone; medium error correction survives a
 * creased or smudged receipt. Shown as a `data:` image, which the desk's CSP allows
 * (img-src 'self' data:) — no inline SVG markup, no inline style.
 */
const QUIET = 4;

export function qrSvg(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const full = size + 2 * QUIET;
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (modules.get(row, col)) path += `M${col + QUIET} ${row + QUIET}h1v1h-1z`;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" shape-rendering="crispEdges"><rect width="${full}" height="${full}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The number of modules across (without the quiet zone): tests and the size check. */
export function qrModules(text: string): number {
  return QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size;
}
