// Turns an uploaded photo into the two stored WebP sizes, or refuses it. The real type is read from
// the bytes (never the file name or the browser's MIME type); every photo is decoded and re-encoded,
// turned upright from its EXIF orientation, and stored without any metadata (no GPS, no camera).
import { createHash } from "node:crypto";
import sharp, { type Metadata, type Sharp } from "sharp";
import { ImageTooLargeError, loadHeicDecoder, type HeicDecoder, type RawImage } from "./heic-decoder";

/** Largest upload accepted: a phone's full-resolution photo fits with room to spare. */
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
/**
 * Most pixels decoded: 48-megapixel phone cameras fit; a decompression bomb (a tiny file claiming
 * 20000×20000 pixels) is refused from its header, before any memory is spent on it.
 */
export const MAX_PHOTO_PIXELS = 50_000_000;

/** Stored sizes (see the photos table): the person page, and lists and the photo book. */
export const LARGE_PHOTO_PX = 512;
export const SMALL_PHOTO_PX = 128;

export type PhotoRefusal = "empty" | "tooLarge" | "unsupportedType" | "heicUnavailable" | "tooManyPixels" | "unreadable";

export type ProcessedPhoto = { large: Buffer; small: Buffer; etag: string };
export type ProcessPhotoResult = { ok: true; photo: ProcessedPhoto } | { ok: false; reason: PhotoRefusal };

type SniffedType = "jpeg" | "png" | "webp" | "heic" | "avif" | null;

// HEIF brands (https://github.com/strukturag/libheif/issues/83): HEVC-coded ones need the HEIC
// decoder; AV1-coded ones (AVIF) sharp reads itself.
const hevcBrands = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"]);
const av1Brands = new Set(["avif", "avis"]);
const genericHeifBrands = new Set(["mif1", "msf1", "miaf"]);

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.subarray(start, end)).toString("latin1");
}

/** The ISO-BMFF brands of a file starting with an `ftyp` box, or null. */
function isoBrands(bytes: Uint8Array): string[] | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== "ftyp") return null;
  const boxSize = Buffer.from(bytes.subarray(0, 4)).readUInt32BE(0);
  const end = Math.min(boxSize, bytes.length, 4096);
  const brands = [ascii(bytes, 8, 12)];
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(ascii(bytes, offset, offset + 4));
  return brands;
}

/** The image type the first bytes announce; anything else (SVG, PDF, GIF, text) is null. */
export function sniffPhotoType(bytes: Uint8Array): SniffedType {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && ascii(bytes, 0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  const brands = isoBrands(bytes);
  if (brands) {
    const [major] = brands;
    if (av1Brands.has(major)) return "avif";
    if (hevcBrands.has(major) || (genericHeifBrands.has(major) && brands.some((brand) => hevcBrands.has(brand)))) return "heic";
    if (brands.some((brand) => av1Brands.has(brand))) return "avif";
  }
  return null;
}

// The formats sharp must agree the bytes are, for each announced type.
const sharpFormatOf: Record<Exclude<SniffedType, "heic" | null>, string> = { jpeg: "jpeg", png: "png", webp: "webp", avif: "heif" };

const inputOptions = { limitInputPixels: MAX_PHOTO_PIXELS, failOn: "error" } as const;

async function encodeSizes(image: Sharp): Promise<ProcessedPhoto> {
  // No withMetadata()/keepExif(): sharp writes no EXIF, XMP or ICC chunk unless asked to.
  const resize = (px: number) => image.clone().resize({ width: px, height: px, fit: "inside", withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
  const [large, small] = await Promise.all([resize(LARGE_PHOTO_PX), resize(SMALL_PHOTO_PX)]);
  return { large, small, etag: createHash("sha256").update(large).digest("hex").slice(0, 32) };
}

function isPixelLimitError(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message);
}

async function processHeic(bytes: Uint8Array, decoder: HeicDecoder): Promise<ProcessPhotoResult> {
  let raw: RawImage;
  try {
    raw = await decoder.decode(bytes, MAX_PHOTO_PIXELS);
  } catch (error) {
    return { ok: false, reason: error instanceof ImageTooLargeError ? "tooManyPixels" : "unreadable" };
  }
  // libheif already applied the HEIF rotation and mirroring; raw pixels carry no metadata at all.
  const image = sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 4 }, limitInputPixels: MAX_PHOTO_PIXELS });
  return { ok: true, photo: await encodeSizes(image) };
}

export type ProcessPhotoOptions = {
  /** The HEIC decoder to use; by default the installed one (see heic-decoder.ts), if any. */
  heicDecoder?: HeicDecoder | null;
};

/**
 * Checks and re-encodes an uploaded photo. Never throws for bad input: every refusal comes back as a
 * reason the profile page explains. Nothing is stored here.
 */
export async function processUploadedPhoto(bytes: Uint8Array, options: ProcessPhotoOptions = {}): Promise<ProcessPhotoResult> {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (bytes.length > MAX_PHOTO_BYTES) return { ok: false, reason: "tooLarge" };
  const sniffed = sniffPhotoType(bytes);
  if (sniffed === null) return { ok: false, reason: "unsupportedType" };
  if (sniffed === "heic") {
    const decoder = options.heicDecoder !== undefined ? options.heicDecoder : await loadHeicDecoder();
    return decoder ? processHeic(bytes, decoder) : { ok: false, reason: "heicUnavailable" };
  }

  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, inputOptions).metadata();
  } catch (error) {
    return { ok: false, reason: isPixelLimitError(error) ? "tooManyPixels" : "unreadable" };
  }
  if (metadata.format !== sharpFormatOf[sniffed]) return { ok: false, reason: "unsupportedType" };
  // An HEIF container sniffed as AVIF but coded in HEVC: only the HEIC decoder can read it.
  if (metadata.format === "heif" && metadata.compression !== "av1") return { ok: false, reason: "unsupportedType" };
  if (!metadata.width || !metadata.height) return { ok: false, reason: "unreadable" };
  if (metadata.width * metadata.height > MAX_PHOTO_PIXELS) return { ok: false, reason: "tooManyPixels" };

  try {
    return { ok: true, photo: await encodeSizes(sharp(bytes, inputOptions).autoOrient()) };
  } catch (error) {
    return { ok: false, reason: isPixelLimitError(error) ? "tooManyPixels" : "unreadable" };
  }
}
