// The part of heic-decode 2's API the photo upload uses; the package ships no types. Shapes follow
// node_modules/heic-decode/lib.js.
declare module "heic-decode" {
  /** RGBA pixels, 8 bits per channel, with the HEIF rotation and mirroring already applied. */
  export type DecodedHeic = { width: number; height: number; data: Uint8ClampedArray };
  /** One image of the file: its size is known before `decode()` spends memory on the pixels. */
  export type HeicImage = { width: number; height: number; decode: () => Promise<DecodedHeic> };
  /** Frees the decoder's WebAssembly memory; call it once the images are no longer needed. */
  export type HeicImages = HeicImage[] & { dispose: () => void };

  type DecodeFirst = ((input: { buffer: Uint8Array }) => Promise<DecodedHeic>) & {
    all: (input: { buffer: Uint8Array }) => Promise<HeicImages>;
  };
  const decode: DecodeFirst;
  export default decode;
}
