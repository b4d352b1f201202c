import { publicPageHeaders, styleHash } from './shell.ts';

/**
 * The one stylesheet of the complainant's pages (tracking, verification, one-time code, survey):
 * inline and allowed by its hash, so the CSP needs no 'unsafe-inline' and every page of the set
 * shares one header set. Mobile first (one column, large touch targets); logical properties so
 * the same rules serve Arabic right to left and English left to right; a print stylesheet that
 * drops forms and links and keeps the status, dates and timeline on white paper.
 */
export const PUBLIC_CSS = [
  '*{box-sizing:border-box}',
  'body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Tahoma,"Noto Sans Arabic",sans-serif;background:#f4f6f8;color:#1c2833;line-height:1.6}',
  'main{max-width:34rem;margin:0 auto;padding:1rem}',
  'h1{font-size:1.35rem;margin:.5rem 0 1rem}',
  'h2{font-size:1.05rem;margin:0 0 .5rem}',
  '.org{font-weight:600;color:#0b5345;margin:0}',
  '.card{background:#fff;border-radius:.75rem;padding:1rem;box-shadow:0 1px 3px rgba(0,0,0,.08);margin-bottom:1rem}',
  '.muted{color:#4d5b69;font-size:.9rem}',
  '.status{font-size:1.15rem;font-weight:600;color:#0b5345}',
  '.aim{font-weight:600}',
  '.error{color:#922b21;font-weight:600}',
  '.notice{border-inline-start:4px solid #0b5345}',
  'label,legend{display:block;font-weight:600;margin-bottom:.35rem}',
  'fieldset{border:0;margin:0 0 1rem;padding:0}',
  'input[type=text],input[type=tel],textarea{width:100%;font-size:1.1rem;padding:.65rem;border:1px solid #6f7c86;border-radius:.5rem;background:#fff;color:#1c2833}',
  'textarea{min-height:7rem;font-size:1rem}',
  '.choice{display:flex;align-items:center;gap:.6rem;padding:.5rem .25rem;border-bottom:1px solid #eaecee}',
  '.choice input{width:1.4rem;height:1.4rem;margin:0}',
  '.choice label{margin:0;font-weight:400}',
  'button{margin-top:.75rem;width:100%;font-size:1.05rem;padding:.7rem;border:0;border-radius:.5rem;background:#0b5345;color:#fff;cursor:pointer}',
  'input:focus,textarea:focus,button:focus,a:focus{outline:3px solid #f5b041;outline-offset:2px}',
  'a{color:#0b4f8a}',
  'ol{list-style:none;margin:0;padding:0}',
  'li{padding:.5rem 0;border-bottom:1px solid #eaecee}',
  'li:last-child{border-bottom:0}',
  '.lang{display:block;text-align:end;margin-bottom:.5rem}',
  '.or{text-align:center;margin:.5rem 0}',
  'p{margin:.25rem 0;overflow-wrap:anywhere}',
  'footer{font-size:.85rem;color:#4d5b69;padding:0 .25rem}',
  '@media print{body{background:#fff;color:#000}main{max-width:none;padding:0}.card{box-shadow:none;border:1px solid #999;break-inside:avoid}.lang,form,.noprint{display:none}a{color:#000;text-decoration:none}}',
].join('');

export const PUBLIC_STYLE_HASH = styleHash(PUBLIC_CSS);
export const PUBLIC_HEADERS = publicPageHeaders(PUBLIC_CSS);
