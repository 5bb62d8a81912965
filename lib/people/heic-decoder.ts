// HEIC (the iPhone camera's format) decoding. sharp's prebuilt libvips reads HEIF only with AV1
// (AVIF): HEVC is patent-encumbered and left out. A pure-WASM decoder (`heic-decode`, libheif-js)
// fills the gap when installed; without it HEIC uploads are refused with a clear message.
import { createRequire } from "node:module";
import path from "node:path";

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

type DecodedImage = { width: number; height: number; data: ArrayBuffer | Uint8Array };
type HeicDecodeAll = (input: { buffer: Uint8Array }) => Promise<Array<{ width: number; height: number; decode: () => Promise<DecodedImage> }>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null;
}

function toRawImage(decoded: unknown): RawImage {
  if (!isRecord(decoded) || typeof decoded.width !== "number" || typeof decoded.height !== "number") {
    throw new Error("the HEIC decoder returned no image");
  }
  const { data } = decoded;
  const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
  if (!bytes || bytes.length !== decoded.width * decoded.height * 4) throw new Error("the HEIC decoder returned no RGBA pixels");
  return { width: decoded.width, height: decoded.height, data: bytes };
}

/** Wraps `heic-decode`'s `all()`, which reads the dimensions before spending memory on the pixels. */
export function heicDecoderFromModule(all: HeicDecodeAll): HeicDecoder {
  return {
    async decode(bytes, maxPixels) {
      const [first] = await all({ buffer: bytes });
      if (!first) throw new Error("the HEIC file holds no image");
      if (first.width * first.height > maxPixels) throw new ImageTooLargeError();
      return toRawImage(await first.decode());
    },
  };
}

let loading: Promise<HeicDecoder | null> | undefined;

/**
 * The installed HEIC decoder, or null. Loaded at run time from the project's node_modules rather
 * than imported, so the app builds and runs without it.
 */
export function loadHeicDecoder(): Promise<HeicDecoder | null> {
  loading ??= (async () => {
    let loaded: unknown;
    try {
      loaded = createRequire(path.join(process.cwd(), "package.json"))("heic-decode");
    } catch {
      return null;
    }
    if (!isRecord(loaded) || typeof loaded.all !== "function") return null;
    const all = loaded.all;
    return heicDecoderFromModule(async (input) => {
      const images: unknown = await all(input);
      if (!Array.isArray(images)) throw new Error("the HEIC decoder returned no image list");
      return images.map((image: unknown) => {
        if (!isRecord(image) || typeof image.width !== "number" || typeof image.height !== "number" || typeof image.decode !== "function") {
          throw new Error("the HEIC decoder returned an unknown image");
        }
        const decode = image.decode;
        return { width: image.width, height: image.height, decode: async () => toRawImage(await decode()) };
      });
    });
  })();
  return loading;
}
