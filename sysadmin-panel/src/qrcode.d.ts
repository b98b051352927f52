// The part of qrcode's API the panel uses. Its DefinitelyTyped package references Node's types,
// which browser code must not load (tavli-typecheck-browser checks that).
declare module 'qrcode' {
  /** The QR code of `text` as a PNG data: URL. */
  export function toDataURL(text: string, options?: { margin?: number; width?: number }): Promise<string>;
}
