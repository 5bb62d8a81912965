// HEIC (the iPhone camera's format) decoding. sharp's prebuilt libvips reads HEIF only with AV1
// (AVIF): HEVC is patent-encumbered and left out. `heic-decode` (libheif compiled to WebAssembly)
// fills the gap; if it cannot be loaded, HEIC uploads are refused with a clear message.
import type { HeicImages } from "heic-decode";

/** Decoded pixels: RGBA, 8 bits per channel, already turned upright by the HEIF transforms. */
export type RawImage = { width: number; height: number; data: Uint8Array };

export type HeicDecoder = {
  /** Throws `ImageTooLargeError` when the image has more than `maxPixels` pixels, before decoding it. */
  decode: (bytes: Uint8Array, maxPixels: number) => Promise<RawImage>;
};

export class ImageTooLargeError extends Error {
  constructor() {
    super("image has more pixels than allowed");
  }
}

type HeicDecodeAll = (input: { buffer: Uint8Array }) => Promise<Pick<HeicImages, number | "length" | "dispose">>;

/** Wraps `heic-decode`'s `all()`, which reads the dimensions before spending memory on the pixels. */
export function heicDecoderFromModule(all: HeicDecodeAll): HeicDecoder {
  return {
    async decode(bytes, maxPixels) {
      const images = await all({ buffer: bytes });
      try {
        const first = images.length > 0 ? images[0] : undefined;
        if (!first) throw new Error("the HEIC file holds no image");
        if (first.width * first.height > maxPixels) throw new ImageTooLargeError();
        const decoded = await first.decode();
        const { width, height, data } = decoded;
        if (data.byteLength !== width * height * 4) throw new Error("the HEIC decoder returned no RGBA pixels");
        // libheif hands out a Uint8ClampedArray; sharp takes the same bytes as a Uint8Array.
        return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
      } finally {
        images.dispose();
      }
    },
  };
}

let loading: Promise<HeicDecoder | null> | undefined;

/** The HEIC decoder, loaded on the first HEIC upload (its WebAssembly is a few megabytes); null if it cannot load. */
export function loadHeicDecoder(): Promise<HeicDecoder | null> {
  loading ??= import("heic-decode").then(
    (loaded) => heicDecoderFromModule(loaded.default.all),
    (error: unknown) => {
      console.error("The HEIC decoder could not be loaded; HEIC photos are refused.", error);
      loading = undefined;
      return null;
    },
  );
  return loading;
}
